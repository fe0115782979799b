package io.missive.spothit.dispatch;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * SpotHit's send error codes ({@code {"resultat":0,"erreurs":"3,6"}}) and what they mean, in
 * SpotHit's words. Only {@link #API_RATE_LIMIT} is transient; the others are definitive refusals.
 * (docs/decisions/0201-spothit-error-codes.md)
 */
public final class SpotHitErrorCodes {

    public static final String API_RATE_LIMIT = "63";

    private static final Map<String, String> MEANINGS = Map.ofEntries(
            Map.entry("1", "Type de message non spécifié ou incorrect"),
            Map.entry("2", "Le message est vide"),
            Map.entry("3", "Le message contient plus de 160 caractères"),
            Map.entry("4", "Aucun destinataire valide n'est renseigné"),
            Map.entry("5", "Numéro interdit"),
            Map.entry("6", "Numéro de destinataire invalide"),
            Map.entry("7", "Votre compte n'a pas de formule définie"),
            Map.entry("8", "L'expéditeur ne peut contenir que 11 caractères"),
            Map.entry("9", "Le système a rencontré une erreur"),
            Map.entry("10", "Vous ne disposez pas d'assez de SMS pour effectuer cet envoi"),
            Map.entry("11", "L'envoi des messages est désactivé pour la démonstration"),
            Map.entry("12", "Votre compte a été suspendu"),
            Map.entry("13", "Votre limite d'envoi paramétrée est atteinte"),
            Map.entry("14", "Votre limite d'envoi paramétrée est atteinte"),
            Map.entry("15", "Votre limite d'envoi paramétrée est atteinte"),
            Map.entry("16", "Le paramètre smslongnbr n'est pas cohérent avec la taille du message"),
            Map.entry("17", "L'expéditeur n'est pas autorisé"),
            Map.entry("21", "Token invalide"),
            Map.entry("30", "Clé API non reconnue"),
            Map.entry("31", "Un lien inséré dans votre message est invalide"),
            Map.entry("62", "Votre limite d'envoi est atteinte"),
            Map.entry("63", "Vous avez dépassé votre limite de requêtes api"),
            Map.entry("100", "Ip non autorisée"));

    private SpotHitErrorCodes() {
    }

    /** The meaning of each code of a comma-separated list, joined with "; ". */
    public static String meaning(String codes) {
        return Arrays.stream(codes.split(","))
                .map(String::trim)
                .filter(code -> !code.isEmpty())
                .map(code -> MEANINGS.getOrDefault(code, "Erreur SpotHit inconnue " + code))
                .collect(Collectors.joining("; "));
    }

    public static boolean isTransient(String codes) {
        return Arrays.stream(codes.split(",")).map(String::trim).allMatch(API_RATE_LIMIT::equals);
    }
}
