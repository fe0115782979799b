package io.missive.tracker.projection.jdbc;

import static io.missive.tracker.projection.jdbc.SqlArrays.millis;
import static io.missive.tracker.projection.jdbc.SqlArrays.texts;
import static io.missive.tracker.projection.jdbc.SqlArrays.timestamp;

import io.missive.events.Status;
import io.missive.events.StatusUpdated;
import io.missive.tracker.projection.Lifecycle;
import io.missive.tracker.reconciliation.Reconciliation;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The messages FAILED {@code UNKNOWN_OUTCOME} with the call they were part of ({@code unknown_outcomes}),
 * and the SpotHit receipts that may reconcile them (decision 0504).
 */
final class UnknownOutcomes {

    private final SqlArrays sql;

    UnknownOutcomes(SqlArrays sql) {
        this.sql = sql;
    }

    /** Records the batch's unknown outcomes that name their call (and their number). */
    void record(List<StatusUpdated> direct) {
        var inDoubt = direct.stream()
                .filter(e -> e.getStatus() == Status.FAILED && e.getCallId() != null && e.getPhone() != null
                        && e.getReason() != null && e.getReason().startsWith(Lifecycle.UNKNOWN_OUTCOME))
                .toList();
        if (inDoubt.isEmpty()) {
            return;
        }
        sql.update("""
                insert into unknown_outcomes (message_id, call_id, phone, failed_at)
                select m, c, p, %s from unnest(?::text[], ?::text[], ?::text[], ?::int8[]) as u(m, c, p, f)
                on conflict do nothing
                """.formatted(timestamp("f")),
                texts(inDoubt, StatusUpdated::getMessageId), texts(inDoubt, StatusUpdated::getCallId),
                texts(inDoubt, StatusUpdated::getPhone), millis(inDoubt, StatusUpdated::getOccurredAt));
    }

    /** One reconciliation at a time across instances; false when another one runs. */
    boolean tryLock() {
        return sql.query("select pg_try_advisory_xact_lock(hashtext('missive.tracker.reconciliation'))",
                rows -> rows.getBoolean(1)).getFirst();
    }

    /**
     * Receipts stored at least {@code grace} ago for a campaign no message was reported SENT with, paired
     * with the open unknown outcomes of the last {@code window} that have their number. A campaign that
     * messages carry only because their call adopted it stays a candidate: more of that call may follow.
     */
    List<Reconciliation.Candidate> candidates(Duration window, Duration grace, int limit) {
        return sql.query("""
                select distinct r.provider_message_id, u.phone, u.message_id, u.call_id
                from unknown_outcomes u
                join provider_receipts r on r.provider = 'SPOTHIT' and r.phone = u.phone
                where u.reconciled_with is null
                  and u.failed_at > now() - make_interval(secs => ?)
                  and r.occurred_at > u.failed_at - make_interval(secs => ?)
                  and r.received_at <= now() - make_interval(secs => ?)
                  and not exists (select 1 from text_message_events k
                                  where k.spot_hit_message_id = r.provider_message_id
                                    and not exists (select 1 from unknown_outcomes a where a.message_id = k.message_id))
                order by 1, 2, 3
                limit ?
                """, rows -> new Reconciliation.Candidate(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)),
                seconds(window), seconds(window), seconds(grace), limit);
    }

    /** The campaign each of these calls adopted, if any. */
    Map<String, String> campaignsOfCalls(Collection<String> callIds) {
        var adopted = new HashMap<String, String>();
        sql.query("""
                select distinct call_id, reconciled_with from unknown_outcomes
                where call_id = any(?::text[]) and reconciled_with is not null
                """, rows -> adopted.put(rows.getString(1), rows.getString(2)),
                (Object) callIds.stream().distinct().toArray(String[]::new));
        return adopted;
    }

    /** The call each of these campaigns was adopted by, if any. */
    Map<String, String> callsOfCampaigns(Collection<String> campaignIds) {
        var owners = new HashMap<String, String>();
        sql.query("""
                select distinct reconciled_with, call_id from unknown_outcomes where reconciled_with = any(?::text[])
                """, rows -> owners.put(rows.getString(1), rows.getString(2)),
                (Object) campaignIds.stream().distinct().toArray(String[]::new));
        return owners;
    }

    void markReconciled(List<Reconciliation.Adoption> adoptions) {
        sql.update("""
                update unknown_outcomes u set reconciled_with = a.pm, reconciled_at = now()
                from unnest(?::text[], ?::text[]) as a(m, pm)
                where u.message_id = a.m and u.reconciled_with is null
                """, texts(adoptions, Reconciliation.Adoption::messageId),
                texts(adoptions, Reconciliation.Adoption::providerMessageId));
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
