package io.missive.devstack.bench;

import io.missive.devstack.AgedMessages;
import io.missive.devstack.DemoDirectory;
import io.missive.devstack.Stack;
import io.missive.devstack.StackHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The retention purge's cost to a running campaign ({@code ./missive bench --only purge}, issue 23): the tracker's
 * redaction of finished messages is the heaviest purge (the Events store holds every message, with four indexes), so
 * {@value #SEEDED_ROWS} messages finished 400 days ago are seeded there; then the same campaign goes once with the
 * purge off and once while it redacts them, twice (off, on, off, on), and due → SENT of each campaign's every message
 * is read from the Events store. The tracker is restarted before each round, with retention off or with a purge
 * starting five seconds later, so every round runs on a fresh tracker and the switch is the production one.
 */
public final class PurgeBenchmark {

    static final int SEEDED_ROWS = 1_000_000;
    private static final String TRACKER = "status-tracker";
    private static final Map<String, String> PURGE_OFF = Map.of("MISSIVE_RETENTION_ENABLED", "false");
    /** The production batch size and pause; only the first run comes sooner than its usual minute. */
    private static final Map<String, String> PURGE_ON = Map.of("MISSIVE_RETENTION_INTERVAL", "5s");
    private static final String REDACTED_MESSAGES = "table=\"text_message_events\"";

    private final Stack stack;
    private final int parents;
    private final Consumer<String> progress;
    private final StackHttp http;
    private final AgedMessages aged;

    public PurgeBenchmark(Stack stack, int parents, Consumer<String> progress) {
        this.stack = stack;
        this.parents = parents;
        this.progress = progress;
        this.http = new StackHttp(stack);
        this.aged = new AgedMessages(stack.infrastructure());
    }

    /** Runs the four rounds and writes {@code purge.md} into {@code results}. */
    public PurgeReport run(Path results) throws IOException {
        try (http) {
            Files.createDirectories(results);
            var directory = Benchmark.receiptsAtOnceAndDirectoryImported(stack, parents, progress);
            var groups = Benchmark.groups(directory.summary());
            // Unmeasured: the first campaign runs on cold scheduler and dispatchers, and would flatter whatever comes after.
            progress.accept("warming up: one campaign, not measured");
            campaign("bench-purge-warm-up", groups, new PurgeProgress());
            var rounds = new ArrayList<PurgeReport.Round>();
            for (int pair = 1; pair <= 2; pair++) {
                // Seeded under a tracker with its purge off: the last round's tracker would start on the new rows.
                progress.accept("pair %d: restarting the tracker with its purge off".formatted(pair));
                stack.restart(TRACKER, PURGE_OFF, Duration.ofMinutes(10));
                progress.accept("pair %d: seeding %,d messages finished 400 days ago".formatted(pair, SEEDED_ROWS));
                long seeding = System.nanoTime();
                aged.insert("bench-purge-aged-" + pair, SEEDED_ROWS, Duration.ofDays(400), true);
                aged.settle();
                progress.accept("pair %d: seeded, vacuumed and checkpointed in %.0f s".formatted(pair, (System.nanoTime() - seeding) / 1e9));
                rounds.add(round(pair, false, groups, false));
                rounds.add(round(pair, true, groups, true));
            }
            var report = new PurgeReport(LocalDate.now().toString(), parents, Runtime.getRuntime().availableProcessors(),
                    SEEDED_ROWS, rounds);
            Files.writeString(results.resolve("purge.md"), report.markdown());
            return report;
        }
    }

    /** @param restart whether to start a fresh tracker (the off round runs on the one the seeding ran under) */
    private PurgeReport.Round round(int pair, boolean purging, String groups, boolean restart) {
        var mode = purging ? "on" : "off";
        if (restart) {
            progress.accept("pair %d: restarting the tracker with its purge %s".formatted(pair, mode));
            stack.restart(TRACKER, purging ? PURGE_ON : PURGE_OFF, Duration.ofMinutes(10));
        }
        var purge = new PurgeProgress();
        if (purging) {
            purge.awaitStarted(Duration.ofMinutes(2));
            progress.accept("pair %d: the purge has started".formatted(pair));
        }
        var campaign = "bench-purge-" + mode + "-" + pair;
        int accepted = program(campaign, groups);
        awaitCounts(campaign, accepted, List.of("PENDING", "IN_PROGRESS"), purge, Duration.ofMinutes(20));
        var sending = sending(campaign);
        progress.accept("pair %d, purge %s: %d messages SENT, due → SENT p50 %.2f s, p99 %.2f s".formatted(pair, mode,
                sending.dueToSent().size(), Benchmark.percentile(sending.dueToSent(), 50),
                Benchmark.percentile(sending.dueToSent(), 99)));
        if (purging) {
            purge.awaitFinished(Duration.ofMinutes(30));
        }
        // Receipts still land after the last SENT: the next round starts on a quiet stack.
        awaitCounts(campaign, accepted, List.of("PENDING", "IN_PROGRESS", "SENT"), purge, Duration.ofMinutes(10));
        var startedAt = purge.startedAt;
        var finishedAt = purge.finishedAt;
        boolean covered = startedAt != null && finishedAt != null && !startedAt.isAfter(sending.due())
                && !finishedAt.isBefore(sending.lastSent());
        double purgeSeconds = startedAt == null || finishedAt == null ? 0
                : Duration.between(startedAt, finishedAt).toMillis() / 1000.0;
        if (purging) {
            progress.accept("pair %d: %,d rows purged in %.1f s; purge covered the sending: %s".formatted(pair, purge.rows,
                    purgeSeconds, covered));
        }
        return new PurgeReport.Round(pair, purging, campaign, accepted, Benchmark.percentile(sending.dueToSent(), 50),
                Benchmark.percentile(sending.dueToSent(), 99),
                Benchmark.round(Duration.between(sending.due(), sending.lastSent()).toMillis() / 1000.0), purge.rows,
                Benchmark.round(purgeSeconds), covered);
    }

    /** One campaign to every active group, due now, until every message is DELIVERED. */
    private void campaign(String campaign, String groups, PurgeProgress purge) {
        int accepted = program(campaign, groups);
        awaitCounts(campaign, accepted, List.of("PENDING", "IN_PROGRESS", "SENT"), purge, Duration.ofMinutes(20));
    }

    private int program(String campaign, String groups) {
        var reply = http.program("""
                {"commandId":"%s","plannedAt":"%s","recipients":[%s],
                 "message":"%s","redirectionTargetId":"%s"}"""
                .formatted(campaign, Instant.now(), groups, Benchmark.TEMPLATE, DemoDirectory.REDIRECTION_TARGET_ID));
        if (reply.statusCode() / 100 != 2) {
            throw new IllegalStateException(campaign + " refused: " + reply.statusCode() + " " + reply.body());
        }
        return StackHttp.json(reply.body()).path("accepted").asInt();
    }

    /** Until the campaign has every message and none in {@code open}, polling the purge's progress meanwhile. */
    private void awaitCounts(String campaign, int accepted, List<String> open, PurgeProgress purge, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            purge.poll();
            var counts = http.campaignCounts(campaign);
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            if (total >= accepted && open.stream().mapToInt(status -> counts.getOrDefault(status, 0)).sum() == 0) {
                return;
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException(campaign + ": still " + open + " after " + timeout);
    }

    private record Sending(Instant due, Instant lastSent, List<Double> dueToSent) {
    }

    /** Due → SENT of every message of the campaign, from the Events store. */
    private Sending sending(String campaign) {
        var infrastructure = stack.infrastructure();
        try (var connection = DriverManager.getConnection(infrastructure.jdbcUrl("missive"), infrastructure.jdbcUsername(),
                infrastructure.jdbcPassword());
             var statement = connection.prepareStatement("""
                     select planned_at, sent_at from tracker.text_message_events where campaign_id = ? and sent_at is not null""")) {
            statement.setString(1, campaign);
            Instant due = Instant.MAX;
            Instant last = Instant.MIN;
            var seconds = new ArrayList<Double>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    var planned = rows.getTimestamp(1).toInstant();
                    var sent = rows.getTimestamp(2).toInstant();
                    due = planned.isBefore(due) ? planned : due;
                    last = sent.isAfter(last) ? sent : last;
                    seconds.add(Duration.between(planned, sent).toMillis() / 1000.0);
                }
            }
            if (seconds.isEmpty()) {
                throw new IllegalStateException(campaign + ": no message SENT in the Events store");
            }
            return new Sending(due, last, seconds);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the Events store", e);
        }
    }

    /** The tracker's purge as its counter shows it: when the first row went, when the last seeded one did. */
    private final class PurgeProgress {

        private @Nullable Instant startedAt;
        private @Nullable Instant finishedAt;
        private long rows;

        void poll() {
            try {
                rows = (long) http.metric(TRACKER, "missive_retention_rows_total", REDACTED_MESSAGES);
            } catch (IllegalStateException unreachable) {
                return;
            }
            var now = Instant.now();
            if (rows > 0 && startedAt == null) {
                startedAt = now;
            }
            if (rows >= SEEDED_ROWS && finishedAt == null) {
                finishedAt = now;
            }
        }

        void awaitStarted(Duration timeout) {
            await(() -> startedAt != null, Duration.ofMillis(100), timeout, "the purge did not start");
        }

        void awaitFinished(Duration timeout) {
            await(() -> finishedAt != null, Duration.ofMillis(250), timeout, "the purge did not finish");
        }

        private void await(java.util.function.BooleanSupplier done, Duration every, Duration timeout, String failure) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (poll(done)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(failure + " within " + timeout + " (" + rows + " rows)");
                }
                sleep(every);
            }
        }

        private boolean poll(java.util.function.BooleanSupplier done) {
            poll();
            return !done.getAsBoolean();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
