package io.missive.devstack.bench;

import java.util.Comparator;
import java.util.List;

/**
 * What {@code ./missive bench --only purge} measured (issue 23: purging 1,000,000 rows must not raise a running
 * campaign's p99 due → SENT by more than 20 %), rendered as {@code purge.md}.
 *
 * @param seededRows finished messages seeded, 400 days old, before each pair of rounds
 * @param rounds     in the order they ran: off, on, off, on
 */
public record PurgeReport(String date, int parents, int cores, int seededRows, List<Round> rounds) {

    /** What issue 23 allows: p99 with the purge at most 1.20 times p99 without. */
    public static final double ALLOWED_RATIO = 1.20;

    /**
     * One campaign, due now, to every active group.
     *
     * @param purging          whether the tracker's purge of the seeded rows ran during it
     * @param sendingSeconds   from the campaign's due time to its last SENT
     * @param rowsPurged       rows the purge redacted in the round (the tracker's counter): 0 without it
     * @param purgeSeconds     from the purge's first redacted row to its last: 0 without it
     * @param purgeCoveredSending whether the purge ran from before the campaign was due until after its last SENT
     */
    public record Round(int pair, boolean purging, String campaign, int recipients, double dueToSentP50Seconds,
                        double dueToSentP99Seconds, double sendingSeconds, long rowsPurged, double purgeSeconds,
                        boolean purgeCoveredSending) {
    }

    public PurgeReport {
        rounds = List.copyOf(rounds);
    }

    /** Each mode's least disturbed round (lowest p99), as decision 0006 keeps each mode's faster acceptance. */
    public Round best(boolean purging) {
        return rounds.stream().filter(round -> round.purging() == purging)
                .min(Comparator.comparingDouble(Round::dueToSentP99Seconds))
                .orElseThrow(() -> new IllegalStateException("no round " + (purging ? "with" : "without") + " the purge"));
    }

    /** p99 due → SENT with the purge over without it, each mode's least disturbed round. */
    public double ratio() {
        return Benchmark.round(best(true).dueToSentP99Seconds() / Math.max(0.001, best(false).dueToSentP99Seconds()), 3);
    }

    /** The same ratio within each pair (off then on, on the same table): how much the machine's noise moves it. */
    public List<Double> ratioPerPair() {
        return rounds.stream().filter(Round::purging).map(on -> {
            var off = rounds.stream().filter(round -> !round.purging() && round.pair() == on.pair()).findFirst().orElseThrow();
            return Benchmark.round(on.dueToSentP99Seconds() / Math.max(0.001, off.dueToSentP99Seconds()), 3);
        }).toList();
    }

    public String markdown() {
        var out = new StringBuilder();
        out.append("# Retention purge's cost to a running campaign, ").append(date).append("\n\n");
        out.append("""
                `./missive bench --only purge`, %d parents, %d cores (decision 0006, step 6): before each pair of rounds, \
                %,d messages finished 400 days ago are seeded in the tracker's Events store; then the same campaign, due \
                now, to every active group, once with the tracker's purge off and once while it redacts those rows \
                (production settings), twice (off, on, off, on), each on a freshly started tracker, after one unmeasured campaign \
                that warms the other services up.

                | pair | purge | recipients | due → SENT p50 (s) | p99 (s) | sending (s) | rows purged | purge (s) | purge covered the sending |
                | --- | --- | --- | --- | --- | --- | --- | --- | --- |
                """.formatted(parents, cores, seededRows));
        for (var round : rounds) {
            out.append("| %d | %s | %d | %s | %s | %s | %s | %s | %s |\n".formatted(round.pair(), round.purging() ? "on" : "off",
                    round.recipients(), round.dueToSentP50Seconds(), round.dueToSentP99Seconds(), round.sendingSeconds(),
                    round.purging() ? "%,d".formatted(round.rowsPurged()) : "–",
                    round.purging() ? Double.toString(round.purgeSeconds()) : "–",
                    round.purging() ? (round.purgeCoveredSending() ? "yes" : "no") : "–"));
        }
        var off = best(false);
        var on = best(true);
        out.append(("\np99 due → SENT, each mode's least disturbed round: %s s without the purge, %s s while it ran: "
                + "**%s× (issue 23 allows %.2f×)**; within each pair: %s.\n").formatted(off.dueToSentP99Seconds(),
                on.dueToSentP99Seconds(), ratio(), ALLOWED_RATIO,
                String.join(", ", ratioPerPair().stream().map(ratio -> ratio + "×").toList())));
        return out.toString();
    }
}
