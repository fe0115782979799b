package io.missive.schemas.retention;

import java.time.Duration;
import java.util.Objects;

/**
 * One kind of data to purge from one table: the rows matching {@code condition} (SQL whose every {@code ?} is the
 * cutoff instant = now − {@code age}) are deleted, or redacted with {@code redaction} (a SET list). A redaction's
 * condition must exclude rows already redacted, so that a run ends and a second run finds nothing: the purge is
 * idempotent and a killed run resumes where its last committed batch left off.
 *
 * @param name      the metric's {@code rule} tag, e.g. {@code message_bodies}
 * @param table     the table, in the service's own schema
 * @param condition which rows are due, given the cutoff
 * @param redaction null to delete the rows, or the SET list that redacts them
 * @param age       how long the data is kept
 */
public record PurgeRule(String name, String table, String condition, @org.jspecify.annotations.Nullable String redaction, Duration age) {

    public PurgeRule {
        Objects.requireNonNull(name);
        if (!table.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain table name: " + table);
        }
        if (cutoffs(condition) < 1) {
            throw new IllegalArgumentException("a purge condition compares with the cutoff (?): " + condition);
        }
    }

    private static int cutoffs(String condition) {
        return (int) condition.chars().filter(c -> c == '?').count();
    }

    /** How many times the statement binds the cutoff, before the batch size. */
    int cutoffParameters() {
        return cutoffs(condition);
    }

    public static PurgeRule delete(String name, String table, String condition, Duration age) {
        return new PurgeRule(name, table, condition, null, age);
    }

    public static PurgeRule redact(String name, String table, String redaction, String condition, Duration age) {
        return new PurgeRule(name, table, condition, redaction, age);
    }

    public String action() {
        return redaction == null ? "deleted" : "redacted";
    }

    /**
     * One batch: the rows are picked by physical address ({@code ctid}) under {@code FOR UPDATE SKIP LOCKED}, so a
     * batch never waits for a row the live traffic holds (it takes it on a later run) and locks only what it changes.
     */
    String batchStatement() {
        var pick = "select ctid from " + table + " where " + condition + " limit ? for update skip locked";
        return redaction == null
                ? "delete from " + table + " where ctid = any(array(" + pick + "))"
                : "update " + table + " set " + redaction + " where ctid = any(array(" + pick + "))";
    }
}
