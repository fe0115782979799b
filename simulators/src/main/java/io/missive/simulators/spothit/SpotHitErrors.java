package io.missive.simulators.spothit;

import java.util.Map;

/**
 * The SpotHit error codes the simulator answers with, in SpotHit's own words (its API returns
 * {@code {"resultat":0,"erreurs":"3,6"}}). The subset that a bulk SMS/MMS send can meet.
 */
public final class SpotHitErrors {

    public static final int MESSAGE_EMPTY = 2;
    public static final int MESSAGE_TOO_LONG = 3;
    public static final int NO_VALID_RECIPIENT = 4;
    public static final int INVALID_NUMBER = 6;
    public static final int SENDER_TOO_LONG = 8;
    public static final int SYSTEM_ERROR = 9;
    public static final int BAD_API_KEY = 30;
    public static final int API_RATE_LIMIT = 63;

    public static final Map<Integer, String> MEANINGS = Map.of(
            MESSAGE_EMPTY, "Le message est vide",
            MESSAGE_TOO_LONG, "Le message contient plus de 160 caractères",
            NO_VALID_RECIPIENT, "Aucun destinataire valide n'est renseigné",
            INVALID_NUMBER, "Numéro de destinataire invalide",
            SENDER_TOO_LONG, "L'expéditeur ne peut contenir que 11 caractères",
            SYSTEM_ERROR, "Le système a rencontré une erreur, merci de nous contacter",
            BAD_API_KEY, "Clé API non reconnue",
            API_RATE_LIMIT, "Vous avez dépassé votre limite de requêtes api");

    private SpotHitErrors() {
    }
}
