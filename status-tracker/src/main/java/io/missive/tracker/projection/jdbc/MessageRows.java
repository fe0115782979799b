package io.missive.tracker.projection.jdbc;

import static io.missive.tracker.projection.jdbc.SqlArrays.instant;
import static io.missive.tracker.projection.jdbc.SqlArrays.millis;
import static io.missive.tracker.projection.jdbc.SqlArrays.texts;
import static io.missive.tracker.projection.jdbc.SqlArrays.timestamp;

import io.missive.tracker.erasure.jdbc.JdbcErasures;
import io.missive.events.Channel;
import io.missive.events.MessagePlanned;
import io.missive.events.Provider;
import io.missive.events.Status;
import io.missive.events.StatusUpdated;
import io.missive.schemas.Statuses;
import io.missive.tracker.projection.Lifecycle;
import io.missive.tracker.projection.MessageProgress;
import io.missive.tracker.projection.ProviderNames;
import io.missive.tracker.projection.Transition;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** The messages' rows ({@code text_message_events}) and their status history, read and written a batch at a time. */
final class MessageRows {

    private final SqlArrays sql;

    MessageRows(SqlArrays sql) {
        this.sql = sql;
    }

    /** A message's row as locked for the transaction: its progress, and the Aircall id it already carries. */
    /** A message's row as the batch found it; {@code waiting}: a next attempt was announced for it. */
    record Locked(MessageProgress progress, @Nullable String aircallMessageId, @Nullable String campaignId,
                  @Nullable String provider, boolean waiting) {
    }

    /**
     * The plans a batch applied, and of their messages those already known by a provider id, whose phone
     * the row may only now have, so that receipts parked for them are matched again.
     */
    record Planned(int applied, Map<String, ProviderIdentity> completed) {
        static final Planned NONE = new Planned(0, Map.of());
    }

    /**
     * Upserts the planned messages' details. A plan the row already holds, every detail the same (a
     * redelivery), writes nothing and is not counted as applied: the plan is idempotent by its message id.
     */
    Planned plan(List<MessagePlanned> events, CampaignCounters counters) {
        if (events.isEmpty()) {
            return Planned.NONE;
        }
        var byMessage = new TreeMap<String, MessagePlanned>();
        events.forEach(event -> byMessage.put(event.getMessageId(), event));
        var rows = byMessage.values();
        // "prior" reads the rows as they were before the upsert (one snapshot for the whole statement): what
        // the counters need to move a message into its campaign, at the status reports may already have given it.
        // Its join to the upserted rows is between two results of a batch's size, with no index to use: the nested
        // loop the transaction's settings leave (JdbcEventProjection) costs a batch squared, 0.46 s for 1,700 plans
        // where a hash join takes milliseconds. Hash joins are allowed for this statement alone.
        sql.update("set local enable_hashjoin = on");
        var known = sql.query("""
                with prior as (select message_id, campaign_id, message_provider, status, channel, fallback
                               from text_message_events where message_id = any(?::text[])),
                upserted as (
                insert into text_message_events (message_id, planned, campaign_id, parent_id, child_id, phone,
                    message_provider, body, segments, encoding, link_code, quit_message, workshop_id, supporter_id,
                    purpose, planned_at, channel)
                select m, true, c, p, ch, ph, pr, b, s, e, l, q, w, su, pu, %s, cn
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int4[],
                            ?::text[], ?::text[], ?::bool[], ?::text[], ?::text[], ?::text[], ?::int8[], ?::text[])
                     as u(m, c, p, ch, ph, pr, b, s, e, l, q, w, su, pu, pa, cn)
                on conflict (message_id) do update set planned = true, campaign_id = excluded.campaign_id,
                    parent_id = excluded.parent_id, child_id = excluded.child_id, phone = excluded.phone,
                    message_provider = excluded.message_provider, body = excluded.body, segments = excluded.segments,
                    encoding = excluded.encoding, link_code = excluded.link_code, quit_message = excluded.quit_message,
                    workshop_id = excluded.workshop_id, supporter_id = excluded.supporter_id,
                    purpose = excluded.purpose, planned_at = excluded.planned_at,
                    channel = coalesce(text_message_events.channel, excluded.channel)
                where (text_message_events.planned, text_message_events.campaign_id, text_message_events.parent_id,
                       text_message_events.child_id, text_message_events.phone, text_message_events.message_provider,
                       text_message_events.body, text_message_events.segments, text_message_events.encoding,
                       text_message_events.link_code, text_message_events.quit_message, text_message_events.workshop_id,
                       text_message_events.supporter_id, text_message_events.purpose, text_message_events.planned_at,
                       text_message_events.channel)
                    is distinct from (true, excluded.campaign_id, excluded.parent_id, excluded.child_id, excluded.phone,
                       excluded.message_provider, excluded.body, excluded.segments, excluded.encoding, excluded.link_code,
                       excluded.quit_message, excluded.workshop_id, excluded.supporter_id, excluded.purpose,
                       excluded.planned_at, coalesce(text_message_events.channel, excluded.channel))
                returning message_id, spot_hit_message_id, aircall_message_id, phone, campaign_id, message_provider, status,
                    channel, fallback)
                select u.message_id, u.spot_hit_message_id, u.aircall_message_id, u.phone, u.campaign_id, u.message_provider,
                       u.status, p.campaign_id, p.message_provider, u.channel, u.fallback, p.status, p.channel, p.fallback
                from upserted u left join prior p on p.message_id = u.message_id
                """.formatted(timestamp("pa")),
                result -> {
                    counters.planned(result.getString(8), result.getString(9),
                            new CampaignCounters.Place(result.getInt(12), result.getString(13), result.getBoolean(14)),
                            result.getString(5), result.getString(6),
                            new CampaignCounters.Place(result.getInt(7), result.getString(10), result.getBoolean(11)));
                    return result.getString(2) == null && result.getString(3) == null ? null
                            : result.getString(2) != null
                            ? new ProviderIdentity(result.getString(1), Provider.SPOTHIT, result.getString(2), result.getString(4))
                            : new ProviderIdentity(result.getString(1), Provider.AIRCALL, result.getString(3), result.getString(4));
                },
                texts(rows, MessagePlanned::getMessageId), texts(rows, MessagePlanned::getMessageId), texts(rows, MessagePlanned::getCampaignId),
                texts(rows, MessagePlanned::getParentId), texts(rows, MessagePlanned::getChildId),
                texts(rows, MessagePlanned::getPhone), texts(rows, e -> ProviderNames.messageProvider(e.getProvider())),
                texts(rows, MessagePlanned::getBody), rows.stream().map(MessagePlanned::getSegments).toArray(Integer[]::new),
                texts(rows, MessagePlanned::getEncoding), texts(rows, MessagePlanned::getLinkCode),
                rows.stream().map(MessagePlanned::getQuitMessage).toArray(Boolean[]::new),
                texts(rows, MessagePlanned::getWorkshopId), texts(rows, MessagePlanned::getSupporterId),
                texts(rows, MessagePlanned::getPurpose), millis(rows, MessagePlanned::getPlannedAt),
                texts(rows, e -> e.getChannel() == null ? null : e.getChannel().name()));
        sql.update("set local enable_hashjoin = off");
        // A plan read after its parent's erasure (the projection ran behind the erasure's consumer): the row is left
        // as the erasure leaves a message (JdbcErasures), statistics without what names or reaches the person.
        sql.update("""
                update text_message_events t set %s
                from erasure_request e where e.parent_id = t.parent_id and t.message_id = any(?::text[])
                """.formatted(JdbcErasures.ERASED_MESSAGE), (Object) texts(rows, MessagePlanned::getMessageId));
        var completed = new TreeMap<String, ProviderIdentity>();
        known.stream().filter(Objects::nonNull).forEach(identity -> completed.put(identity.messageId(), identity));
        // Two plans of one message in a batch: the later is written, the earlier counts as applied with it.
        return new Planned(events.size() - (rows.size() - known.size()), completed);
    }

    /** A report may come before the message's plan: its row is created, partial, to be completed when planned. */
    void createMissing(Collection<String> sortedMessageIds) {
        sql.update("insert into text_message_events (message_id) select unnest(?::text[]) on conflict do nothing",
                (Object) sortedMessageIds.toArray(String[]::new));
    }

    Map<String, Locked> lock(String[] sortedMessageIds) {
        var current = new HashMap<String, Locked>();
        sql.query("""
                select message_id, status, planned_at, sent_at, delivered_at, finished_at, reason, attempts, aircall_message_id,
                       read_at, channel, fallback, campaign_id, message_provider, next_attempt_at is not null
                from text_message_events where message_id = any(?::text[]) order by message_id for update
                """, rows -> {
            var progress = new MessageProgress(rows.getString(1), Lifecycle.at(Statuses.fromCode(rows.getInt(2))),
                    instant(rows, 3), instant(rows, 4), instant(rows, 5), instant(rows, 6),
                    rows.getString(7), (Integer) rows.getObject(8), instant(rows, 10),
                    rows.getString(11) == null ? null : Channel.valueOf(rows.getString(11)), rows.getBoolean(12));
            return current.put(progress.messageId(), new Locked(progress, rows.getString(9), rows.getString(13),
                    rows.getString(14), rows.getBoolean(15)));
        }, (Object) sortedMessageIds);
        return current;
    }

    /** Which of these reports the history already holds, as {@link #key(Transition)}s. */
    Set<String> alreadyInHistory(List<Transition> transitions) {
        if (transitions.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(sql.query("""
                select h.message_id, h.event_id from status_history h
                join unnest(?::text[], ?::text[]) as u(m, e) on h.message_id = u.m and h.event_id = u.e
                """, rows -> rows.getString(1) + '\u0000' + rows.getString(2),
                texts(transitions, Transition::messageId), texts(transitions, Transition::eventId)));
    }

    /** A report's key in the history: a report applies to a message at most once. */
    static String key(Transition transition) {
        return transition.messageId() + '\u0000' + transition.eventId();
    }

    void writeHistory(List<MessageProgress.HistoryEntry> history) {
        if (history.isEmpty()) {
            return;
        }
        var reports = history.stream().map(MessageProgress.HistoryEntry::report).toList();
        sql.update("""
                insert into status_history (message_id, event_id, status, occurred_at, source, reason, anomaly)
                select m, e, s, %s, so, r, a
                from unnest(?::text[], ?::text[], ?::int4[], ?::int8[], ?::text[], ?::text[], ?::bool[]) as u(m, e, s, o, so, r, a)
                on conflict do nothing
                """.formatted(timestamp("o")),
                texts(reports, Transition::messageId), texts(reports, Transition::eventId),
                reports.stream().map(t -> Statuses.code(t.status())).toArray(Integer[]::new),
                reports.stream().map(t -> t.occurredAt().toEpochMilli()).toArray(Long[]::new),
                texts(reports, Transition::source), texts(reports, Transition::reason),
                history.stream().map(MessageProgress.HistoryEntry::anomaly).toArray(Boolean[]::new));
    }

    /**
     * The next attempt announced for messages waiting for their provider: the latest announced wins (each
     * park waits longer than the one before), whatever the order the announcements are read in. The rows
     * are already locked by the batch's fold.
     */
    void noteNextAttempts(List<StatusUpdated> direct) {
        var waiting = direct.stream().filter(e -> e.getNextAttemptAt() != null).toList();
        if (waiting.isEmpty()) {
            return;
        }
        sql.update("""
                with noted as (
                    update text_message_events t set next_attempt_at = greatest(t.next_attempt_at, %s)
                    from unnest(?::text[], ?::int8[]) as u(m, n) where t.message_id = u.m
                    returning t.message_id, t.status)
                insert into waiting_messages (message_id)
                select message_id from noted where status = ? order by message_id on conflict do nothing
                """.formatted(timestamp("u.n")),
                texts(waiting, StatusUpdated::getMessageId), millis(waiting, StatusUpdated::getNextAttemptAt),
                Statuses.code(Status.IN_PROGRESS));
    }

    /** Messages that were waiting for their provider and moved on: they leave the set of waiting messages. */
    void leftWaiting(List<String> sortedMessageIds) {
        if (!sortedMessageIds.isEmpty()) {
            sql.update("delete from waiting_messages where message_id = any(?::text[])", (Object) sortedMessageIds.toArray(String[]::new));
        }
    }

    /** The new progress of the batch's messages, and the provider ids (and phone) their SENT reports named. */
    void writeProgress(List<MessageProgress> rows, Map<String, ProviderIdentity> learned) {
        if (rows.isEmpty()) {
            return;
        }
        Function<MessageProgress, @Nullable ProviderIdentity> taught = p -> learned.get(p.messageId());
        sql.update("""
                update text_message_events t set status = u.s, sent_at = %s, delivered_at = %s, finished_at = %s,
                    reason = u.r, attempts = u.a, read_at = %s, channel = u.cn, fallback = u.fb,
                    phone = coalesce(t.phone, u.ph),
                    message_provider = coalesce(t.message_provider, u.pr),
                    spot_hit_message_id = coalesce(t.spot_hit_message_id, u.sh),
                    aircall_message_id = coalesce(t.aircall_message_id, u.ac)
                from unnest(?::text[], ?::int4[], ?::int8[], ?::int8[], ?::int8[], ?::text[], ?::int4[],
                            ?::text[], ?::text[], ?::text[], ?::text[], ?::int8[], ?::text[], ?::bool[])
                     as u(m, s, se, de, fi, r, a, ph, pr, sh, ac, re, cn, fb)
                where t.message_id = u.m
                """.formatted(timestamp("u.se"), timestamp("u.de"), timestamp("u.fi"), timestamp("u.re")),
                texts(rows, MessageProgress::messageId),
                rows.stream().map(p -> Statuses.code(p.status())).toArray(Integer[]::new),
                rows.stream().map(p -> p.sentAt() == null ? null : p.sentAt().toEpochMilli()).toArray(Long[]::new),
                rows.stream().map(p -> p.deliveredAt() == null ? null : p.deliveredAt().toEpochMilli()).toArray(Long[]::new),
                rows.stream().map(p -> p.finishedAt() == null ? null : p.finishedAt().toEpochMilli()).toArray(Long[]::new),
                texts(rows, MessageProgress::reason), rows.stream().map(MessageProgress::attempts).toArray(Integer[]::new),
                texts(rows, p -> taught.apply(p) == null ? null : taught.apply(p).phone()),
                texts(rows, p -> taught.apply(p) == null ? null : ProviderNames.messageProvider(taught.apply(p).provider())),
                texts(rows, p -> taught.apply(p) != null && taught.apply(p).provider() == Provider.SPOTHIT ? taught.apply(p).providerMessageId() : null),
                texts(rows, p -> taught.apply(p) != null && taught.apply(p).provider() == Provider.AIRCALL ? taught.apply(p).providerMessageId() : null),
                rows.stream().map(p -> p.readAt() == null ? null : p.readAt().toEpochMilli()).toArray(Long[]::new),
                texts(rows, p -> p.channel() == null ? null : p.channel().name()),
                rows.stream().map(MessageProgress::fallback).toArray(Boolean[]::new));
    }
}
