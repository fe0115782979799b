package io.missive.scheduler.bench;

import io.missive.scheduler.guard.GuardLists;
import io.missive.scheduler.guard.GuardPolicy;
import io.missive.scheduler.guard.GuardScan;
import io.missive.scheduler.guard.ListEntry;
import io.missive.scheduler.guard.SendGuard;
import io.missive.scheduler.rendering.LinkCodes;
import io.missive.scheduler.rendering.Template;
import io.missive.scheduler.rendering.Variable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;

/**
 * What the send guard adds to rendering, per message, without the database or the broker: renders N bodies of the
 * benchmark's template (and of one with a security token and an address), with and without screening each one, and
 * prints the cost of each. Not a test: run its main with the test classpath and N as argument (default 1,000,000).
 */
public final class GuardBenchmark {

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        var lists = new GuardLists(List.of(), List.of("viagra", "cialis", "casino", "paris sportifs", "bitcoin", "crypto",
                "mot de passe", "code confidentiel", "carte bancaire", "coordonnées bancaires", "colis en attente",
                "frais de livraison", "compte bloqué", "compte suspendu", "vous avez gagné", "loterie").stream().map(ListEntry::keyword).toList());
        var guard = SendGuard.compile(GuardPolicy.DEFAULT, lists, "https://m.example");
        var templates = List.of(
                Template.parse("Bonjour, {PRENOM_ENFANT} a une nouvelle vidéo : {URL} — {PRENOM_ACCOMPAGNANTE}"),
                Template.parse("Bonjour ! Rendez-vous samedi 14h au {PARENT_ADDRESS}. Votre code : {PARENT_SECURITY_TOKEN}. "
                        + "Appelez {PRENOM_ACCOMPAGNANTE} au {NUMERO_AIRCALL_ACCOMPAGNANTE} pour {PRENOM_ENFANT}."),
                Template.parse("Bonjour {PRENOM_ENFANT} ! Atelier le 12/03/2026 à 14h30 (3 €), infos au 01 45 67 89 10 ou sur {URL}"));
        var off = io.missive.scheduler.guard.GuardMode.OFF;
        var on = io.missive.scheduler.guard.GuardMode.MONITOR;
        if (args.length > 1) {
            for (var policy : List.of(new GuardPolicy(on, off, off), new GuardPolicy(off, on, off), new GuardPolicy(off, off, on))) {
                var one = SendGuard.compile(policy, lists, "https://m.example");
                for (int round = 0; round < 3; round++) {
                    long plain = run(templates.get(0), n, null);
                    long screened = run(templates.get(0), n, new GuardScan(one));
                    System.out.printf("%s round %d: guard %.2f µs a message%n", policy, round, (screened - plain) / 1e3 / n);
                }
            }
            return;
        }
        for (var template : templates) {
            for (int round = 0; round < 3; round++) {
                long plain = run(template, n, null);
                long screened = run(template, n, new GuardScan(guard));
                System.out.printf("%-40.40s round %d: render %.2f µs, render+guard %.2f µs, guard %.2f µs a message (+%.0f%%)%n",
                        template.text(), round, plain / 1e3 / n, screened / 1e3 / n, (screened - plain) / 1e3 / n,
                        100.0 * (screened - plain) / plain);
            }
        }
    }

    private static long run(Template template, int n, GuardScan scan) {
        var exempt = new ArrayList<String>(3);
        long sink = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            var values = new EnumMap<Variable, String>(Variable.class);
            values.put(Variable.PRENOM_ENFANT, "Enfant" + i);
            values.put(Variable.PRENOM_ACCOMPAGNANTE, "Claire");
            values.put(Variable.URL, "https://m.example/r/" + LinkCodes.mint());
            values.put(Variable.PARENT_ADDRESS, i + " rue de la Paix, 75011 Paris");
            values.put(Variable.PARENT_SECURITY_TOKEN, "tok-" + i);
            values.put(Variable.NUMERO_AIRCALL_ACCOMPAGNANTE, "+33176543210");
            var body = template.render(values).body();
            if (scan != null) {
                exempt.clear();
                exempt.add(values.get(Variable.URL));
                exempt.add(values.get(Variable.PARENT_SECURITY_TOKEN));
                exempt.add(values.get(Variable.NUMERO_AIRCALL_ACCOMPAGNANTE));
                scan.message(body, exempt);
            }
            sink += body.length();
        }
        long took = System.nanoTime() - t0;
        if (sink == 42 || (scan != null && scan.found())) {
            System.out.println("found: " + (scan == null ? "" : scan.tallies().subList(0, Math.min(3, scan.tallies().size()))));
        }
        return took;
    }
}
