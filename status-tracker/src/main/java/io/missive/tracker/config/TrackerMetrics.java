package io.missive.tracker.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.missive.schemas.Statuses;
import io.missive.tracker.projection.BatchOutcome;
import io.missive.tracker.projection.jdbc.JdbcEventProjection;
import io.missive.tracker.projection.ProjectedEvents;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;

/** The tracker's own meters; recorded only after a batch's transaction committed, so nothing counts twice. */
public class TrackerMetrics implements Consumer<BatchOutcome> {

    private final MeterRegistry registry;
    private final JdbcTemplate jdbc;
    private final Counter anomalies;
    private final Counter duplicates;
    private final Counter reconciled;
    private final Timer plannedToSent;
    private final Timer sentToDelivered;
    private final MultiGauge messages;
    private final Map<String, Counter> applied = new HashMap<>();

    public TrackerMetrics(MeterRegistry registry, JdbcTemplate jdbc) {
        this.registry = registry;
        this.jdbc = jdbc;
        this.anomalies = Counter.builder("missive.tracker.status.anomalies")
                .description("Terminal reports conflicting with the terminal status already reached (kept in history)")
                .register(registry);
        this.duplicates = Counter.builder("missive.tracker.events.duplicates")
                .description("Events skipped because their eventId was already projected")
                .register(registry);
        this.reconciled = Counter.builder("missive.tracker.unknown.outcomes.reconciled")
                .description("Messages FAILED UNKNOWN_OUTCOME that SpotHit's receipts showed it took (decision 0504)")
                .register(registry);
        this.plannedToSent = latency("missive.tracker.planned.to.sent", "Time from a message's planned time to its SENT report");
        this.sentToDelivered = latency("missive.tracker.sent.to.delivered", "Time from SENT to DELIVERED");
        // Registered up front: a counter registered while the context closes would be a no-op.
        for (var type : ProjectedEvents.ALL) {
            applied.put(type.name(), Counter.builder("missive.tracker.events.applied")
                    .description("Events applied to the Events store, by type").tag("type", type.name())
                    .register(registry));
        }
        this.messages = MultiGauge.builder("missive.tracker.messages")
                .description("Messages in the Events store by provider and status")
                .register(registry);
    }

    private Timer latency(String name, String description) {
        return Timer.builder(name).description(description)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(100))
                .maximumExpectedValue(Duration.ofDays(2))
                .register(registry);
    }

    @Override
    public void accept(BatchOutcome outcome) {
        outcome.applied().forEach((type, count) -> applied.get(type).increment(count));
        duplicates.increment(outcome.duplicates());
        anomalies.increment(outcome.anomalies());
        outcome.plannedToSent().forEach(plannedToSent::record);
        outcome.sentToDelivered().forEach(sentToDelivered::record);
    }

    /** After a reconciliation committed: the messages it reconciled and what their receipts did. */
    public void reconciled(JdbcEventProjection.Reconciled outcome) {
        reconciled.increment(outcome.messages());
        anomalies.increment(outcome.folded().anomalies().size());
        outcome.folded().plannedToSent().forEach(plannedToSent::record);
        outcome.folded().sentToDelivered().forEach(sentToDelivered::record);
    }

    /**
     * Recomputes the messages gauge from the per-campaign counters (decision 506): a few rows per campaign. Counting the
     * Events store itself cost 0.9 s of PostgreSQL at every refresh with 683,378 messages, and grows with the store.
     * A message counts once its plan is projected, as on the campaigns' pages.
     */
    public void refreshMessageCounts() {
        var rows = jdbc.query("""
                select provider, status, sum(messages) as n from campaign_counts group by 1, 2 having sum(messages) <> 0
                """, (row, i) -> MultiGauge.Row.of(
                Tags.of("provider", row.getString("provider"),
                        "status", Statuses.fromCode(row.getInt("status")).name(),
                        "code", Integer.toString(row.getInt("status"))),
                row.getLong("n")));
        messages.register(rows, true);
    }
}
