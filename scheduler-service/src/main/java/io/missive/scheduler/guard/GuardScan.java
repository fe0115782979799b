package io.missive.scheduler.guard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the guard found in one command: the template, then each rendered message. It keeps, per distinct value, how
 * many messages carried it and whether the template did — never the recipients — and at most {@value #MAX_VALUES}
 * values (the others are only counted), so a campaign of a million parents holds no more than a page's worth.
 */
public final class GuardScan {

    public static final int MAX_VALUES = 200;

    /** A value found, in how many messages, and whether the template itself has it. */
    public record Tally(Finding finding, GuardMode mode, int messages, boolean inTemplate) {

        /** Worth allowing for every campaign: not a value that only one recipient's message carried (a per-parent link). */
        public boolean shared() {
            return inTemplate || messages > 1;
        }
    }

    private static final class Count {
        int messages;
        boolean inTemplate;
    }

    private final SendGuard guard;
    private final SendGuard.Inspector inspector;
    private final Map<Finding, Count> counts = new LinkedHashMap<>();
    private final Set<GuardCheck> fired = EnumSet.noneOf(GuardCheck.class);
    private final List<Finding> seenInMessage = new ArrayList<>();
    private int overflow;
    private boolean blocking;

    public GuardScan(SendGuard guard) {
        this.guard = guard;
        this.inspector = guard.inspector();
    }

    public void template(String text) {
        record(inspector.inspect(text, List.of()), true);
    }

    /** One rendered message; {@code exemptValues} are the values Missive put in itself (see {@link SendGuard.Inspector}). */
    public void message(String body, List<String> exemptValues) {
        var findings = inspector.inspect(body, exemptValues);
        if (!findings.isEmpty()) {
            record(findings, false);
        }
    }

    private void record(List<Finding> findings, boolean template) {
        seenInMessage.clear();
        for (var finding : findings) {
            if (seenInMessage.contains(finding)) {
                continue;
            }
            seenInMessage.add(finding);
            fired.add(finding.check());
            if (guard.mode(finding.check()) == GuardMode.BLOCK) {
                blocking = true;
            }
            var count = counts.get(finding);
            if (count == null) {
                if (counts.size() >= MAX_VALUES) {
                    overflow++;
                    continue;
                }
                count = new Count();
                counts.put(finding, count);
            }
            if (template) {
                count.inTemplate = true;
            } else {
                count.messages++;
            }
        }
    }

    /** A check in block mode found something: the command must not be sent. */
    public boolean blocking() {
        return blocking;
    }

    public boolean found() {
        return !fired.isEmpty();
    }

    /** The checks that found something. */
    public Set<GuardCheck> fired() {
        return Set.copyOf(fired);
    }

    /** Values found beyond the {@value #MAX_VALUES} kept. */
    public int overflow() {
        return overflow;
    }

    public List<Tally> tallies() {
        var tallies = new ArrayList<Tally>(counts.size());
        counts.forEach((finding, count) -> tallies.add(new Tally(finding, guard.mode(finding.check()), count.messages, count.inTemplate)));
        return tallies;
    }

    /**
     * The values a relaunch may add to the allow-list: shared ones only (in the template or in more than one
     * message), the template's first then the most frequent, at most {@code max}.
     */
    public static List<Finding> worthAllowing(List<Tally> tallies, int max) {
        return tallies.stream().filter(Tally::shared)
                .sorted(Comparator.comparing((Tally t) -> !t.inTemplate()).thenComparing(Tally::messages, Comparator.reverseOrder()))
                .limit(max).map(Tally::finding).toList();
    }
}
