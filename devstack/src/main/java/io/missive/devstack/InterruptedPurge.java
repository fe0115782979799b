package io.missive.devstack;

import io.missive.devstack.FaultSuite.FaultRow;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The fault suite's purge row (decision 0005): messages finished long ago are put in the Events store, the tracker's
 * retention purge starts redacting them, and the tracker is SIGKILLed between two of its batches' commits, then
 * started again. Checked at the end: the restarted tracker redacted exactly what the killed one had left, every due
 * message is redacted as the policy says, and no message that was not due (recent, or old but never finished) lost
 * anything. The stack runs the purge every two seconds in small paced batches ({@link #ENVIRONMENT}), so that a
 * purge of {@link #DUE} rows lasts long enough to be cut.
 */
public final class InterruptedPurge {

    /**
     * @param due                  messages due for redaction (finished 400 days ago)
     * @param notDue               messages that are not: finished 10 days ago, or planned 400 days ago and never finished
     * @param redactedBeforeKill   due messages the killed tracker had committed redacted: above 0 and below {@code due}
     * @param redactedAfterRestart due messages the restarted tracker redacted (its own counter): the rest, exactly
     * @param dueLeft              due messages still holding a phone or a body at the end: 0
     * @param redactedAsPolicySays due messages without phone, body and link, with status, times and parent kept: all
     * @param notDueTouched        not-due messages that lost a phone or a body: 0
     */
    public record Result(int due, int notDue, int redactedBeforeKill, int redactedAfterRestart, int dueLeft,
                         int redactedAsPolicySays, int notDueTouched) {

        public boolean passed() {
            return redactedBeforeKill > 0 && redactedBeforeKill < due && redactedAfterRestart == due - redactedBeforeKill
                    && dueLeft == 0 && redactedAsPolicySays == due && notDueTouched == 0;
        }
    }

    /** Two-second runs of 200-row batches 200 ms apart: 20,000 rows take 20 s or more, nothing else is due in the suite. */
    static final java.util.Map<String, String> ENVIRONMENT = java.util.Map.of(
            "MISSIVE_RETENTION_INTERVAL", "2s", "MISSIVE_RETENTION_BATCH_SIZE", "200", "MISSIVE_RETENTION_PAUSE", "200ms");
    static final int DUE = 20_000;
    private static final int NOT_DUE_EACH = 100;
    private static final String DUE_CAMPAIGN = "faults-purge-due";
    private static final String RECENT_CAMPAIGN = "faults-purge-recent";
    private static final String UNFINISHED_CAMPAIGN = "faults-purge-unfinished";
    /** Enough batches committed that the cut is well inside the run, not at its first statement. */
    private static final int KILL_AFTER = 1_000;
    private static final String TRACKER = "status-tracker";

    private final Stack stack;
    private final AgedMessages messages;
    private final Consumer<String> progress;
    private int redactedBeforeKill = -1;

    public InterruptedPurge(Stack stack, Consumer<String> progress) {
        this.stack = stack;
        this.messages = new AgedMessages(stack.infrastructure());
        this.progress = progress;
    }

    /** Seeds, kills the tracker mid-purge, starts it again: the row of the fault table, recovery until it is healthy. */
    public FaultRow killTrackerMidPurge() {
        messages.insert(DUE_CAMPAIGN, DUE, Duration.ofDays(400), true);
        messages.insert(RECENT_CAMPAIGN, NOT_DUE_EACH, Duration.ofDays(10), true);
        messages.insert(UNFINISHED_CAMPAIGN, NOT_DUE_EACH, Duration.ofDays(400), false);
        progress.accept("purge row: %d messages due for redaction, %d not due; waiting for the purge to start"
                .formatted(DUE, 2 * NOT_DUE_EACH));
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (DUE - messages.holdingPersonalData(DUE_CAMPAIGN) < KILL_AFTER) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the tracker's purge did not start within 2 minutes");
            }
            pause(Duration.ofMillis(50));
        }
        var tracker = stack.service(TRACKER);
        long started = System.nanoTime();
        tracker.kill();
        // A batch whose statement was running when the process died may still commit: count once it has ended.
        awaitNoPurgeStatement();
        redactedBeforeKill = DUE - messages.holdingPersonalData(DUE_CAMPAIGN);
        tracker.start();
        tracker.awaitHealthy(Duration.ofMinutes(2));
        double seconds = (System.nanoTime() - started) / 1e9;
        progress.accept("purge row: tracker killed with %d of %d redacted; healthy again in %.1f s"
                .formatted(redactedBeforeKill, DUE, seconds));
        return new FaultRow("SIGKILL " + TRACKER + " mid-purge", "%,d of %,d old bodies redacted at the kill"
                .formatted(redactedBeforeKill, DUE), seconds);
    }

    /** Waits (at most {@code timeout}) until the restarted tracker's purge is done, then checks every seeded message. */
    public Result result(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int left;
        while ((left = messages.holdingPersonalData(DUE_CAMPAIGN)) > 0 && System.nanoTime() < deadline) {
            pause(Duration.ofSeconds(1));
        }
        int afterRestart;
        try (var http = new StackHttp(stack)) {
            afterRestart = (int) http.metric(TRACKER, "missive_retention_rows_total", "table=\"text_message_events\"");
        }
        int notDueKept = messages.holdingPersonalData(RECENT_CAMPAIGN) + messages.holdingPersonalData(UNFINISHED_CAMPAIGN);
        return new Result(DUE, 2 * NOT_DUE_EACH, redactedBeforeKill, afterRestart, left,
                messages.redactedAsThePolicySays(DUE_CAMPAIGN), 2 * NOT_DUE_EACH - notDueKept);
    }

    private void awaitNoPurgeStatement() {
        var infrastructure = stack.infrastructure();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (var connection = DriverManager.getConnection(infrastructure.jdbcUrl("missive"), infrastructure.jdbcUsername(),
                infrastructure.jdbcPassword());
             var statement = connection.prepareStatement("""
                     select count(*) from pg_stat_activity
                     where pid <> pg_backend_pid() and state <> 'idle' and query like 'update text_message_events set phone = null%'""")) {
            while (System.nanoTime() < deadline) {
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) == 0) {
                        return;
                    }
                }
                pause(Duration.ofMillis(50));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read PostgreSQL's activity", e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
