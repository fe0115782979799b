package io.missive.schemas.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one purge every service runs on its own tables: for each rule, batches of {@code batchSize} rows, each batch a
 * single auto-committed statement (a short transaction, no long lock, no table rewrite), until a batch comes back
 * short. The cutoff is fixed at the start of a run from the injected {@link Clock} (tests move the clock, not the
 * calendar). Rows removed are counted in {@code missive_retention_rows_total{service, rule, table, action}}.
 *
 * <p>After each batch the purge rests {@value #REST_PER_BUSY} times as long as the batch took, and at least
 * {@code pause}: it holds the database a fifth of the time at most, whatever a batch costs on this table and machine.
 * A fixed pause alone let the Events store's redaction (1,000 rows ≈ 100 ms, four index entries a row) take most of
 * a core, and a running campaign's p99 due → SENT grew by a third (bench/results/purge.md, decision 0022).
 *
 * <p>Run by several replicas at once, the batches skip each other's locked rows; killed, a run loses at most its
 * uncommitted batch, and the next run picks up what is still due.
 */
public final class RetentionPurge {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionPurge.class);
    /** Time resting per unit of time spent in a batch. */
    static final int REST_PER_BUSY = 4;

    private final JdbcTemplate jdbc;
    private final List<PurgeRule> rules;
    private final Clock clock;
    private final int batchSize;
    private final Duration pause;
    private final MeterRegistry meters;
    private final String service;

    public RetentionPurge(JdbcTemplate jdbc, List<PurgeRule> rules, Clock clock, int batchSize, Duration pause,
                          MeterRegistry meters, String service) {
        this.jdbc = jdbc;
        this.rules = List.copyOf(rules);
        this.clock = clock;
        this.batchSize = batchSize;
        this.pause = pause;
        this.meters = meters;
        this.service = service;
    }

    public List<PurgeRule> rules() {
        return rules;
    }

    /** One run of every rule; returns the rows removed per rule name (rules sharing a name add up). */
    public Map<String, Long> run() {
        return run(() -> true);
    }

    /** One run, stopping between two batches as soon as {@code goOn} says so (shutdown). */
    public Map<String, Long> run(BooleanSupplier goOn) {
        var now = clock.instant();
        var removed = new LinkedHashMap<String, Long>();
        for (var rule : rules) {
            var cutoff = Timestamp.from(now.minus(rule.age()));
            var counter = Counter.builder("missive.retention.rows")
                    .description("Rows deleted or redacted by the retention purge")
                    .tags("service", service, "rule", rule.name(), "table", rule.table(), "action", rule.action())
                    .register(meters);
            var statement = rule.batchStatement();
            var parameters = new Object[rule.cutoffParameters() + 1];
            java.util.Arrays.fill(parameters, cutoff);
            parameters[parameters.length - 1] = batchSize;
            long total = 0;
            while (goOn.getAsBoolean()) {
                long started = System.nanoTime();
                int rows = jdbc.update(statement, parameters);
                var busy = Duration.ofNanos(System.nanoTime() - started);
                total += rows;
                counter.increment(rows);
                if (rows < batchSize) {
                    break;
                }
                rest(restAfter(busy, pause));
            }
            removed.merge(rule.name(), total, Long::sum);
            if (total > 0) {
                LOG.info("event=retention_purged service={} rule={} table={} action={} rows={} cutoff={}",
                        service, rule.name(), rule.table(), rule.action(), total, cutoff.toInstant());
            }
        }
        return removed;
    }

    /** How long to rest after a batch that took {@code busy}: {@value #REST_PER_BUSY} times as long, at least {@code pause}. */
    static Duration restAfter(Duration busy, Duration pause) {
        var proportional = busy.multipliedBy(REST_PER_BUSY);
        return proportional.compareTo(pause) > 0 ? proportional : pause;
    }

    private static void rest(Duration rest) {
        if (rest.isZero()) {
            return;
        }
        try {
            // Pacing, not polling: leaves the database to the live traffic between two batches.
            Thread.sleep(rest);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("retention purge interrupted", e);
        }
    }
}
