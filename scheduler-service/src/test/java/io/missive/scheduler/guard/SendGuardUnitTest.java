package io.missive.scheduler.guard;

import static io.missive.scheduler.guard.GuardCheck.KEYWORD;
import static io.missive.scheduler.guard.GuardCheck.LINK;
import static io.missive.scheduler.guard.GuardCheck.PHONE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The guard's rules as a table: what must be caught (and by which check), and what must not — the habits of
 * French SMS, URLs inside words, emoji, accents, dates and prices, tracked links, long messages.
 */
class SendGuardUnitTest {

    private static final String BASE = "https://m.example";
    private static final GuardLists LISTS = new GuardLists(
            List.of(ListEntry.url("https://exemple.org/ok"), ListEntry.domain("caf.fr"), ListEntry.phone("01 23 45 67 89"),
                    ListEntry.keyword("Casino Guichard"), ListEntry.phone("3939")),
            List.of(ListEntry.keyword("viagra"), ListEntry.keyword("cialis"), ListEntry.keyword("casino"),
                    ListEntry.keyword("bitcoin"), ListEntry.keyword("mot de passe"), ListEntry.keyword("carte bancaire"),
                    ListEntry.keyword("colis en attente"), ListEntry.keyword("compte bloqué"), ListEntry.keyword("gagnant"),
                    ListEntry.url("https://caf.fr/piege"), ListEntry.phone("06 66 66 66 66")));
    private static final SendGuard GUARD = SendGuard.compile(GuardPolicy.DEFAULT, LISTS, BASE);

    record Case(String text, List<String> exempt, Set<GuardCheck> expected) {
        @Override
        public String toString() {
            return (expected.isEmpty() ? "clean: " : expected + ": ") + (text.length() > 70 ? text.substring(0, 70) + "…" : text);
        }
    }

    private static Case caught(String text, GuardCheck... checks) {
        return new Case(text, List.of(), EnumSet.copyOf(List.of(checks)));
    }

    private static Case clean(String text, String... exempt) {
        return new Case(text, List.of(exempt), EnumSet.noneOf(GuardCheck.class));
    }

    private static final String LONG = ("Bonjour, l'atelier de samedi se tiendra à la médiathèque. Pensez à apporter un goûter, "
            + "les enfants ont adoré la dernière séance ! Merci à tous pour votre participation, à très bientôt. ").repeat(5);

    static List<Case> cases() {
        return List.of(
                // links with a scheme
                caught("Cliquez ici : https://bit.ly/3xYz", LINK),
                caught("Infos sur http://exemple.com/page", LINK),
                caught("http://192.168.0.1/admin pour vous connecter", LINK),
                caught("Site : https://banque.example.com@phish.io/login", LINK),
                caught("Lien https://m.example/r/AbCd1234/../evil", LINK),
                caught("Lien https://m.example/autre", LINK),
                // without a scheme
                caught("Rendez-vous sur partenaire.fr/page", LINK),
                caught("Allez sur www.exemple.com", LINK),
                caught("RDV sur EXEMPLE.COM", LINK),
                caught("Suivez votre colis : colis-suivi.info", LINK),
                caught("lien:exemple.net/x", LINK),
                caught("(voir exemple.org)", LINK),
                caught("Remboursement sur ameli-remboursement.top", LINK),
                caught("Rejoignez t.me/groupe", LINK),
                caught("Voir 🎉exemple.com🎉", LINK),
                caught("Bonjour Awa, votre dossier est sur dossier-caf.fr, merci", LINK),
                caught("regarde mon-site.xyz!", LINK),
                caught("exemple.fr", LINK),
                caught("Voir caf.fr/piege", LINK),
                caught(LONG + " Dernière info : inscriptions sur atelier-inscription.com", LINK),
                // spaced out
                caught("Allez sur www exemple . com", LINK),
                caught("Voir exemple .fr pour les détails", LINK),
                caught("Voir exemple[.]com", LINK),
                caught("Voir exemple (dot) com", LINK),
                caught("Voir exemple dot com", LINK),
                // keywords
                caught("Achetez du V1agra pas cher", KEYWORD),
                caught("v i a g r a en promo", KEYWORD),
                caught("VIÀGRA", KEYWORD),
                caught("Viiiiagra !!!", KEYWORD),
                caught("vi@gra", KEYWORD),
                caught("Le C.A.S.I.N.O vous attend", KEYWORD),
                caught("Votre colis en attente de livraison", KEYWORD),
                caught("Votre compte bloqué : répondez OUI", KEYWORD),
                caught("compte BLOQUE", KEYWORD),
                caught("Donnez votre m0t de p@sse", KEYWORD),
                caught("Gagnez des bitcoins", KEYWORD),
                caught("VOUS ÊTES GAGNANT", KEYWORD),
                caught("ｖｉａｇｒａ", KEYWORD),
                caught("vіagra", KEYWORD),
                caught("casino-en-ligne", KEYWORD),
                // phone numbers
                caught("Appelez le 06 12 34 56 78", PHONE),
                caught("Appelez le 06.12.34.56.78", PHONE),
                caught("Tel +33 (0)6 12 34 56 78", PHONE),
                caught("Rappelez au 08 99 12 34 56", PHONE),
                caught("Composez le 3949", PHONE),
                caught("Appelez vite le 118 218", PHONE),
                caught("Pour nous joindre : 1014", PHONE),
                caught("Call +44 20 7946 0958", PHONE),
                caught("Rappelez au 0033 6 12 34 56 78", PHONE),
                caught("📞 3631", PHONE),
                caught("Appelez le 01 23 45 67 88", PHONE),
                caught("Votre code est 06 66 66 66 66", PHONE),
                caught("Gagnant ! appelez le 06 12 34 56 78", KEYWORD, PHONE),
                caught("Carte bancaire expirée : www.secure-cb.com", KEYWORD, LINK),

                // French SMS habits
                clean("ca va.Tu viens ?"),
                clean("10h.Ca marche ?"),
                clean("bon.commencez"),
                clean("Rdv à 10h.ca marche ?"),
                clean("À demain.et toi ?"),
                clean("Bravo. info importante : la réunion est décalée"),
                clean("Merci.Bonne soirée"),
                clean("Ok.merci beaucoup"),
                clean("C'est noté.A demain"),
                clean("Rendez-vous samedi à 9h.Soyez à l'heure"),
                clean("Tu as vu ? super.Bisous"),
                clean("Bonne nuit.Zzz"),
                clean("La vidéo dure 3 min.Regardez-la"),
                clean("Le goûter est à 16h. Merci"),
                clean("Bonjour M.Dupont, rdv à St.Denis"),
                // numbers: dates, prices, counts, addresses
                clean("Le prix est de 12.50 €"),
                clean("Réunion le 12/03/2026 à 14h30"),
                clean("Le 12.03.2026 à 14h"),
                clean("Montant : 1 250 000 €"),
                clean("Montant : 3 000,00 €"),
                clean("Référence ISBN 978-2-07-036822-8"),
                clean("Il y a 3000 participants cette année"),
                clean("En 2026, 1014 familles ont participé"),
                clean("Appelez-nous, l'atelier coûte 3000 €"),
                clean("Les ateliers ont lieu au 12 rue de la Paix, 75011 Paris"),
                clean("Lina a eu 18/20 !"),
                clean("Rappel : atelier le 03.04 à 10h"),
                clean("Le 06/12 à 12h34"),
                clean("Bonjour, Enfant118000 a une nouvelle vidéo"),
                clean("Rendez-vous au 118000 rue de la Paix"),
                clean("Atelier v2.0 disponible"),
                // words that only look like block-listed ones
                clean("Via gratuit, profitez de l'atelier"),
                clean("La spécialiste vous rappelle demain"),
                clean("Casimir est arrivé"),
                clean("Bon d'achat Casino Guichard offert"),
                // accents, emoji, files, e-mail, long
                clean("Bonjour 😊 votre enfant a bien travaillé 👏"),
                clean("Élève de l'école Émile-Zola : réunion à 18h"),
                clean("Félicitations à tous !!! 🎉🎉"),
                clean("Le fichier document.pdf est joint"),
                clean("Écrivez à contact@ecole-exemple.fr"),
                clean(LONG),
                // tracked links, Missive's own values, allowed values
                clean("Bonjour {PRENOM_ENFANT}, la vidéo : {URL}"),
                clean("Bonjour Lina, la vidéo : https://m.example/r/AbCd1234"),
                clean("Votre code : 0612345678", "0612345678"),
                clean("Contactez Claire au +33176543210", "+33176543210"),
                clean("Voir https://exemple.org/ok/"),
                clean("Voir www.caf.fr/aides"),
                clean("Appelez le 01 23 45 67 89"),
                clean("Appelez le 3939"),
                // a call word inside Missive's own link code, or inside a word, is no call context
                clean("La vidéo : https://m.example/r/9YtELtNj (3460 rue de la Paix)", "https://m.example/r/9YtELtNj"),
                clean("La vidéo : https://m.example/r/TELtNj12 (3460 rue de la Paix)", "https://m.example/r/TELtNj12"),
                clean("Rendez-vous à l'hôtel 3456 rue du Port"),
                caught("Tél 3460", PHONE),
                caught("Rappelez le 3949", PHONE),
                caught("https://m.example/r/AbCd1234 ou appelez le 3631", PHONE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void catchesWhatItMustAndOnlyThat(Case c) {
        var found = GUARD.inspector().inspect(c.text(), c.exempt());
        assertThat(found.stream().map(Finding::check).collect(Collectors.toSet())).as(found.toString()).isEqualTo(c.expected());
    }

    @Test
    void theTableIsLargeAndBalanced() {
        var cases = cases();
        long caught = cases.stream().filter(c -> !c.expected().isEmpty()).count();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(80);
        assertThat(caught).isGreaterThanOrEqualTo(40);
        assertThat(cases.size() - caught).isGreaterThanOrEqualTo(40);
    }
}
