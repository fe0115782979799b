package io.missive.tracker.projection.jdbc;

import io.missive.events.AircallCallEvent;
import io.missive.events.AircallMessageRecorded;
import io.missive.events.InboundMessage;
import io.missive.events.LinkClicked;
import io.missive.events.MessagePlanned;
import io.missive.events.OptOut;
import io.missive.events.Provider;
import io.missive.events.Status;
import io.missive.events.StatusUpdated;
import io.missive.schemas.Statuses;
import io.missive.schemas.logging.Masking;
import io.missive.tracker.projection.BatchOutcome;
import io.missive.tracker.projection.EventProjection;
import io.missive.tracker.projection.Lifecycle;
import io.missive.tracker.projection.MessageProgress;
import io.missive.tracker.projection.ProviderNames;
import io.missive.tracker.projection.Transition;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Events store in PostgreSQL. One transaction per batch: claim the event keys, then a few
 * set-based statements per event type; statuses go through the {@link Lifecycle} in Java on rows
 * locked for the transaction, so concurrent consumers (or instances) never lose a transition.
 */
public class JdbcEventProjection implements EventProjection {

    private static final Logger log = LoggerFactory.getLogger(JdbcEventProjection.class);
    private static final String TS = "timestamptz 'epoch' + %s * interval '1 millisecond'";
    private static final int ATTEMPTS_ON_CONFLICT = 5;

    private final SqlArrays sql;
    private final TransactionTemplate transactions;

    public JdbcEventProjection(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.sql = new SqlArrays(jdbc);
        this.transactions = transactions;
    }

    @Override
    public BatchOutcome apply(List<SpecificRecord> events) {
        for (int attempt = 1; ; attempt++) {
            try {
                var outcome = transactions.execute(status -> applyInTransaction(events));
                if (outcome == null) {
                    throw new IllegalStateException("the projection transaction returned nothing");
                }
                return outcome;
            } catch (ConcurrencyFailureException conflict) {
                // A deadlock or lock timeout against another consumer: the whole batch is retried.
                if (attempt >= ATTEMPTS_ON_CONFLICT) {
                    throw conflict;
                }
                log.warn("event=projection_conflict attempt={} events={} cause={}", attempt, events.size(), conflict.getMessage());
            }
        }
    }

    private BatchOutcome applyInTransaction(List<SpecificRecord> events) {
        long t0 = System.nanoTime();
        // Every statement here looks a batch's keys up in an indexed table: index lookups are right whatever
        // the table's size, whereas the planner, on a table that grew since it was last analysed, may scan,
        // sort or hash all of it for every batch.
        sql.update("set local enable_seqscan = off");
        sql.update("set local enable_hashjoin = off");
        sql.update("set local enable_mergejoin = off");
        var unique = new LinkedHashMap<String, SpecificRecord>();
        for (var event : events) {
            unique.putIfAbsent(eventId(event), event);
        }
        var fresh = new HashSet<>(sql.query(
                "insert into processed_events (event_id) select unnest(?::text[]) on conflict do nothing returning event_id",
                rows -> rows.getString(1), (Object) unique.keySet().toArray(String[]::new)));
        var batch = new Batch();
        int position = 0;
        for (var entry : unique.entrySet()) {
            if (fresh.contains(entry.getKey())) {
                batch.add(entry.getValue(), position++);
            }
        }
        var outcome = new Outcome();
        outcome.duplicates = events.size() - fresh.size();
        long t1 = System.nanoTime();
        var completed = planned(batch.planned);
        long t2 = System.nanoTime();
        statuses(batch, completed, outcome);
        long t3 = System.nanoTime();
        aircallRecorded(batch.aircallRecorded);
        inbound(batch.inbound);
        optOuts(batch.optOuts);
        clicks(batch.clicks);
        calls(batch.calls);
        if (log.isDebugEnabled()) {
            log.debug("event=batch_timing events={} claim_ms={} planned_ms={} statuses_ms={} others_ms={} steps={}",
                    events.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
                    (System.nanoTime() - t3) / 1_000_000, outcome.steps);
        }
        batch.counts().forEach(outcome.applied::put);
        return outcome.toBatchOutcome();
    }

    /**
     * Upserts the planned messages' details; returns those already known by a provider id, whose phone
     * the row may only now have, so that receipts parked for them are matched again.
     */
    private Map<String, Learned> planned(List<MessagePlanned> events) {
        if (events.isEmpty()) {
            return Map.of();
        }
        var byMessage = new TreeMap<String, MessagePlanned>();
        events.forEach(event -> byMessage.put(event.getMessageId(), event));
        var rows = byMessage.values();
        var known = sql.query("""
                insert into text_message_events (message_id, planned, campaign_id, parent_id, child_id, phone,
                    message_provider, body, segments, encoding, link_code, quit_message, workshop_id, supporter_id,
                    purpose, planned_at)
                select m, true, c, p, ch, ph, pr, b, s, e, l, q, w, su, pu, %s
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int4[],
                            ?::text[], ?::text[], ?::bool[], ?::text[], ?::text[], ?::text[], ?::int8[])
                     as u(m, c, p, ch, ph, pr, b, s, e, l, q, w, su, pu, pa)
                on conflict (message_id) do update set planned = true, campaign_id = excluded.campaign_id,
                    parent_id = excluded.parent_id, child_id = excluded.child_id, phone = excluded.phone,
                    message_provider = excluded.message_provider, body = excluded.body, segments = excluded.segments,
                    encoding = excluded.encoding, link_code = excluded.link_code, quit_message = excluded.quit_message,
                    workshop_id = excluded.workshop_id, supporter_id = excluded.supporter_id,
                    purpose = excluded.purpose, planned_at = excluded.planned_at
                returning message_id, spot_hit_message_id, aircall_message_id, phone
                """.formatted(TS.formatted("pa")),
                result -> result.getString(2) == null && result.getString(3) == null ? null
                        : result.getString(2) != null
                        ? new Learned(result.getString(1), Provider.SPOTHIT, result.getString(2), result.getString(4))
                        : new Learned(result.getString(1), Provider.AIRCALL, result.getString(3), result.getString(4)),
                texts(rows, MessagePlanned::getMessageId), texts(rows, MessagePlanned::getCampaignId),
                texts(rows, MessagePlanned::getParentId), texts(rows, MessagePlanned::getChildId),
                texts(rows, MessagePlanned::getPhone), texts(rows, e -> ProviderNames.messageProvider(e.getProvider())),
                texts(rows, MessagePlanned::getBody), rows.stream().map(MessagePlanned::getSegments).toArray(Integer[]::new),
                texts(rows, MessagePlanned::getEncoding), texts(rows, MessagePlanned::getLinkCode),
                rows.stream().map(MessagePlanned::getQuitMessage).toArray(Boolean[]::new),
                texts(rows, MessagePlanned::getWorkshopId), texts(rows, MessagePlanned::getSupporterId),
                texts(rows, MessagePlanned::getPurpose), millis(rows, MessagePlanned::getPlannedAt));
        var completed = new TreeMap<String, Learned>();
        known.stream().filter(java.util.Objects::nonNull).forEach(learned -> completed.put(learned.messageId(), learned));
        return completed;
    }

    private void statuses(Batch batch, Map<String, Learned> completed, Outcome outcome) {
        if (batch.statuses.isEmpty() && completed.isEmpty()) {
            return;
        }
        var direct = new ArrayList<Positioned>();
        var receipts = new ArrayList<Positioned>();
        for (var positioned : batch.statuses) {
            var event = positioned.event;
            if (event.getMessageId() != null) {
                direct.add(positioned);
            } else if (event.getProvider() != null && event.getProviderMessageId() != null) {
                receipts.add(positioned);
            } else {
                log.warn("event=status_unresolvable eventId={} status={} source={} phone={}",
                        event.getEventId(), event.getStatus(), event.getSource(), Masking.phone(event.getPhone()));
            }
        }
        outcome.step("start");
        serializeProviderIds(batch.statuses, completed);
        outcome.step("advisory");
        var learned = learnMessages(direct);
        completed.forEach(learned::putIfAbsent);
        outcome.step("learn");
        storeReceipts(receipts);
        outcome.step("store");

        var transitions = new LinkedHashMap<String, Ordered>();
        for (var positioned : direct) {
            var event = positioned.event;
            var transition = new Transition(event.getMessageId(), event.getEventId(), event.getStatus(),
                    event.getOccurredAt(), event.getSource(), event.getReason(), event.getAttempts());
            transitions.putIfAbsent(key(transition), new Ordered(transition, positioned.position));
        }
        var positions = new HashMap<String, Integer>();
        batch.statuses.forEach(p -> positions.put(p.event.getEventId(), p.position));
        for (var transition : matchingReceipts(receipts, learned)) {
            // A receipt parked before this batch comes before the batch's own events.
            int position = positions.getOrDefault(transition.eventId(), -1);
            transitions.putIfAbsent(key(transition), new Ordered(transition, position));
        }
        outcome.step("match");
        if (transitions.isEmpty()) {
            return;
        }
        var messageIds = transitions.values().stream().map(o -> o.transition.messageId()).distinct().sorted().toArray(String[]::new);
        var current = lockProgress(messageIds);
        var alreadyInHistory = alreadyInHistory(transitions.values().stream()
                .filter(o -> o.position < 0).map(o -> o.transition).toList());

        outcome.step("lock+history");
        var perMessage = new TreeMap<String, List<Ordered>>();
        for (var ordered : transitions.values()) {
            if (!alreadyInHistory.contains(key(ordered.transition))) {
                perMessage.computeIfAbsent(ordered.transition.messageId(), id -> new ArrayList<>()).add(ordered);
            }
        }
        var history = new ArrayList<MessageProgress.HistoryEntry>();
        var changed = new ArrayList<Locked>();
        for (var entry : perMessage.entrySet()) {
            var locked = current.get(entry.getKey());
            if (locked == null) {
                continue;
            }
            var before = locked.progress;
            var progress = before;
            entry.getValue().sort(Comparator.comparingInt((Ordered o) -> o.position)
                    .thenComparing(o -> o.transition.occurredAt()));
            for (var ordered : entry.getValue()) {
                var applied = progress.apply(ordered.transition);
                progress = applied.progress();
                history.add(applied.history());
                if (applied.history().anomaly()) {
                    outcome.anomalies++;
                    log.warn("event=status_anomaly messageId={} status={} reported={} eventId={} source={}",
                            progress.messageId(), progress.status(), ordered.transition.status(),
                            ordered.transition.eventId(), ordered.transition.source());
                }
            }
            if (before.sentAt() == null && progress.sentAt() != null && progress.plannedAt() != null) {
                outcome.plannedToSent.add(nonNegative(Duration.between(progress.plannedAt(), progress.sentAt())));
            }
            if (before.deliveredAt() == null && progress.deliveredAt() != null && progress.sentAt() != null) {
                outcome.sentToDelivered.add(nonNegative(Duration.between(progress.sentAt(), progress.deliveredAt())));
            }
            changed.add(new Locked(progress, locked.aircallMessageId));
        }
        outcome.step("fold");
        writeHistory(history);
        outcome.step("writeHistory");
        writeProgress(changed, learned);
        outcome.step("writeProgress");
    }

    /**
     * A receipt stored by one transaction and the SENT that teaches its provider id in another must not
     * miss each other: transactions touching the same provider id take turns.
     */
    private void serializeProviderIds(List<Positioned> statuses, Map<String, Learned> completed) {
        var providerIds = java.util.stream.Stream.concat(
                        statuses.stream().map(p -> p.event.getProviderMessageId()),
                        completed.values().stream().map(Learned::providerMessageId))
                .filter(java.util.Objects::nonNull).distinct().sorted().toArray(String[]::new);
        if (providerIds.length > 0) {
            sql.query("select pg_advisory_xact_lock(h) from (select distinct hashtext(x) as h from unnest(?::text[]) x order by 1) s",
                    rows -> 0, (Object) providerIds);
        }
    }

    /** Creates the rows of messages not planned yet; returns what the batch's SENT reports teach: provider ids. */
    private Map<String, Learned> learnMessages(List<Positioned> direct) {
        var learned = new TreeMap<String, Learned>();
        var ids = new java.util.TreeSet<String>();
        for (var positioned : direct) {
            var event = positioned.event;
            ids.add(event.getMessageId());
            if (event.getProvider() != null && event.getProviderMessageId() != null) {
                learned.putIfAbsent(event.getMessageId(), new Learned(event.getMessageId(), event.getProvider(),
                        event.getProviderMessageId(), event.getPhone()));
            }
        }
        sql.update("insert into text_message_events (message_id) select unnest(?::text[]) on conflict do nothing",
                (Object) ids.toArray(String[]::new));
        return learned;
    }

    private void storeReceipts(List<Positioned> receipts) {
        if (receipts.isEmpty()) {
            return;
        }
        var rows = receipts.stream().map(p -> p.event).toList();
        sql.update("""
                insert into provider_receipts (event_id, provider, provider_message_id, phone, status, occurred_at, source, reason, attempts)
                select e, p, pm, ph, s, %s, so, r, a
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::int4[], ?::int8[], ?::text[], ?::text[], ?::int4[])
                     as u(e, p, pm, ph, s, o, so, r, a)
                on conflict do nothing
                """.formatted(TS.formatted("o")),
                texts(rows, StatusUpdated::getEventId), texts(rows, e -> e.getProvider().name()),
                texts(rows, StatusUpdated::getProviderMessageId), texts(rows, StatusUpdated::getPhone),
                rows.stream().map(e -> Statuses.code(e.getStatus())).toArray(Integer[]::new),
                millis(rows, StatusUpdated::getOccurredAt),
                texts(rows, StatusUpdated::getSource), texts(rows, StatusUpdated::getReason),
                rows.stream().map(StatusUpdated::getAttempts).toArray(Integer[]::new));
    }

    /**
     * Receipts joined to the messages they name: this batch's receipts against every known message,
     * and every stored receipt (this batch's included) against the provider ids this batch's SENTs taught.
     * A SpotHit receipt with a number names one message of the campaign, without one all of them; an
     * Aircall id names one message. Each lookup is a lateral subquery (kept apart by {@code offset 0}) so
     * that it is an index lookup per key, whatever the planner believes of the table's size.
     */
    private List<Transition> matchingReceipts(List<Positioned> receipts, Map<String, Learned> learned) {
        var byEventId = new HashMap<String, StatusUpdated>();
        var spotHitOne = new ArrayList<StatusUpdated>();
        var spotHitAll = new ArrayList<StatusUpdated>();
        var aircall = new ArrayList<StatusUpdated>();
        for (var positioned : receipts) {
            var event = positioned.event;
            byEventId.put(event.getEventId(), event);
            if (event.getProvider() == Provider.AIRCALL) {
                aircall.add(event);
            } else if (event.getPhone() != null) {
                spotHitOne.add(event);
            } else {
                spotHitAll.add(event);
            }
        }
        var matches = new ArrayList<Transition>();
        SqlArrays.Row<String[]> pair = rows -> new String[] {rows.getString(1), rows.getString(2)};
        var pairs = new ArrayList<String[]>();
        if (!spotHitOne.isEmpty()) {
            pairs.addAll(sql.query("""
                    select m.message_id, u.e from unnest(?::text[], ?::text[], ?::text[]) as u(e, pm, ph)
                    cross join lateral (select message_id from text_message_events
                                        where spot_hit_message_id = u.pm and phone = u.ph offset 0) m
                    """, pair, texts(spotHitOne, StatusUpdated::getEventId),
                    texts(spotHitOne, StatusUpdated::getProviderMessageId), texts(spotHitOne, StatusUpdated::getPhone)));
        }
        if (!spotHitAll.isEmpty()) {
            pairs.addAll(sql.query("""
                    select m.message_id, u.e from unnest(?::text[], ?::text[]) as u(e, pm)
                    cross join lateral (select message_id from text_message_events where spot_hit_message_id = u.pm offset 0) m
                    """, pair, texts(spotHitAll, StatusUpdated::getEventId), texts(spotHitAll, StatusUpdated::getProviderMessageId)));
        }
        if (!aircall.isEmpty()) {
            pairs.addAll(sql.query("""
                    select m.message_id, u.e from unnest(?::text[], ?::text[]) as u(e, pm)
                    cross join lateral (select message_id from text_message_events where aircall_message_id = u.pm offset 0) m
                    """, pair, texts(aircall, StatusUpdated::getEventId), texts(aircall, StatusUpdated::getProviderMessageId)));
        }
        for (var found : pairs) {
            var event = byEventId.get(found[1]);
            matches.add(new Transition(found[0], event.getEventId(), event.getStatus(), event.getOccurredAt(),
                    event.getSource(), event.getReason(), event.getAttempts()));
        }
        if (learned.isEmpty()) {
            return matches;
        }
        var columns = "r.event_id, r.status, r.occurred_at, r.source, r.reason, r.attempts";
        SqlArrays.Row<Transition> stored = rows -> new Transition(rows.getString(1), rows.getString(2),
                Statuses.fromCode(rows.getInt(3)), instant(rows, 4), rows.getString(5), rows.getString(6),
                (Integer) rows.getObject(7));
        var learnedSpotHit = learned.values().stream().filter(l -> l.provider() == Provider.SPOTHIT).toList();
        var learnedAircall = learned.values().stream().filter(l -> l.provider() == Provider.AIRCALL).toList();
        var withPhone = learnedSpotHit.stream().filter(l -> l.phone() != null).toList();
        if (!withPhone.isEmpty()) {
            matches.addAll(sql.query("""
                    select u.m, %s from unnest(?::text[], ?::text[], ?::text[]) as u(m, pm, ph)
                    cross join lateral (select * from provider_receipts
                                        where provider_message_id = u.pm and phone = u.ph and provider = 'SPOTHIT' offset 0) r
                    """.formatted(columns), stored, texts(withPhone, Learned::messageId),
                    texts(withPhone, Learned::providerMessageId), texts(withPhone, Learned::phone)));
        }
        if (!learnedSpotHit.isEmpty()) {
            matches.addAll(sql.query("""
                    select u.m, %s from unnest(?::text[], ?::text[]) as u(m, pm)
                    cross join lateral (select * from provider_receipts
                                        where provider_message_id = u.pm and phone is null and provider = 'SPOTHIT' offset 0) r
                    """.formatted(columns), stored, texts(learnedSpotHit, Learned::messageId),
                    texts(learnedSpotHit, Learned::providerMessageId)));
        }
        if (!learnedAircall.isEmpty()) {
            matches.addAll(sql.query("""
                    select u.m, %s from unnest(?::text[], ?::text[]) as u(m, pm)
                    cross join lateral (select * from provider_receipts
                                        where provider_message_id = u.pm and provider = 'AIRCALL' offset 0) r
                    """.formatted(columns), stored, texts(learnedAircall, Learned::messageId),
                    texts(learnedAircall, Learned::providerMessageId)));
        }
        return matches;
    }

    private Map<String, Locked> lockProgress(String[] sortedMessageIds) {
        var current = new HashMap<String, Locked>();
        sql.query("""
                select message_id, status, planned_at, sent_at, delivered_at, finished_at, reason, attempts, aircall_message_id
                from text_message_events where message_id = any(?::text[]) order by message_id for update
                """, rows -> {
            var progress = new MessageProgress(rows.getString(1), Lifecycle.at(Statuses.fromCode(rows.getInt(2))),
                    instant(rows, 3), instant(rows, 4), instant(rows, 5), instant(rows, 6),
                    rows.getString(7), (Integer) rows.getObject(8));
            return current.put(progress.messageId(), new Locked(progress, rows.getString(9)));
        }, (Object) sortedMessageIds);
        return current;
    }

    private Set<String> alreadyInHistory(List<Transition> transitions) {
        if (transitions.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(sql.query("""
                select h.message_id, h.event_id from status_history h
                join unnest(?::text[], ?::text[]) as u(m, e) on h.message_id = u.m and h.event_id = u.e
                """, rows -> rows.getString(1) + '\u0000' + rows.getString(2),
                texts(transitions, Transition::messageId), texts(transitions, Transition::eventId)));
    }

    private void writeHistory(List<MessageProgress.HistoryEntry> history) {
        if (history.isEmpty()) {
            return;
        }
        var reports = history.stream().map(MessageProgress.HistoryEntry::report).toList();
        sql.update("""
                insert into status_history (message_id, event_id, status, occurred_at, source, reason, anomaly)
                select m, e, s, %s, so, r, a
                from unnest(?::text[], ?::text[], ?::int4[], ?::int8[], ?::text[], ?::text[], ?::bool[]) as u(m, e, s, o, so, r, a)
                on conflict do nothing
                """.formatted(TS.formatted("o")),
                texts(reports, Transition::messageId), texts(reports, Transition::eventId),
                reports.stream().map(t -> Statuses.code(t.status())).toArray(Integer[]::new),
                reports.stream().map(t -> t.occurredAt().toEpochMilli()).toArray(Long[]::new),
                texts(reports, Transition::source), texts(reports, Transition::reason),
                history.stream().map(MessageProgress.HistoryEntry::anomaly).toArray(Boolean[]::new));
    }

    /** The new progress of the batch's messages, and the provider ids (and phone) their SENT reports named. */
    private void writeProgress(List<Locked> changed, Map<String, Learned> learned) {
        if (changed.isEmpty()) {
            return;
        }
        var rows = changed.stream().map(l -> l.progress).toList();
        java.util.function.Function<MessageProgress, @Nullable Learned> taught = p -> learned.get(p.messageId());
        sql.update("""
                update text_message_events t set status = u.s, sent_at = %s, delivered_at = %s, finished_at = %s,
                    reason = u.r, attempts = u.a,
                    phone = coalesce(t.phone, u.ph),
                    message_provider = coalesce(t.message_provider, u.pr),
                    spot_hit_message_id = coalesce(t.spot_hit_message_id, u.sh),
                    aircall_message_id = coalesce(t.aircall_message_id, u.ac)
                from unnest(?::text[], ?::int4[], ?::int8[], ?::int8[], ?::int8[], ?::text[], ?::int4[],
                            ?::text[], ?::text[], ?::text[], ?::text[]) as u(m, s, se, de, fi, r, a, ph, pr, sh, ac)
                where t.message_id = u.m
                """.formatted(TS.formatted("u.se"), TS.formatted("u.de"), TS.formatted("u.fi")),
                texts(rows, MessageProgress::messageId),
                rows.stream().map(p -> Statuses.code(p.status())).toArray(Integer[]::new),
                rows.stream().map(p -> p.sentAt() == null ? null : p.sentAt().toEpochMilli()).toArray(Long[]::new),
                rows.stream().map(p -> p.deliveredAt() == null ? null : p.deliveredAt().toEpochMilli()).toArray(Long[]::new),
                rows.stream().map(p -> p.finishedAt() == null ? null : p.finishedAt().toEpochMilli()).toArray(Long[]::new),
                texts(rows, MessageProgress::reason), rows.stream().map(MessageProgress::attempts).toArray(Integer[]::new),
                texts(rows, p -> taught.apply(p) == null ? null : taught.apply(p).phone()),
                texts(rows, p -> taught.apply(p) == null ? null : ProviderNames.messageProvider(taught.apply(p).provider())),
                texts(rows, p -> taught.apply(p) != null && taught.apply(p).provider() == Provider.SPOTHIT ? taught.apply(p).providerMessageId() : null),
                texts(rows, p -> taught.apply(p) != null && taught.apply(p).provider() == Provider.AIRCALL ? taught.apply(p).providerMessageId() : null));
        var aircall = new ArrayList<String[]>();
        for (var locked : changed) {
            var taughtId = learned.get(locked.progress.messageId());
            var aircallId = locked.aircallMessageId != null ? locked.aircallMessageId
                    : taughtId != null && taughtId.provider() == Provider.AIRCALL ? taughtId.providerMessageId() : null;
            var status = ProviderNames.aircallStatus(locked.progress.status());
            if (aircallId != null && status != null) {
                aircall.add(new String[] {aircallId, status});
            }
        }
        if (!aircall.isEmpty()) {
            sql.update("""
                    update aircall_messages a set status = u.s from unnest(?::text[], ?::text[]) as u(id, s)
                    where a.aircall_id = u.id and a.direction = 'outbound'
                    """, texts(aircall, row -> row[0]), texts(aircall, row -> row[1]));
        }
    }

    /** Outbound AircallMessage rows; their status follows the message's once statuses are known. */
    private void aircallRecorded(List<AircallMessageRecorded> events) {
        if (events.isEmpty()) {
            return;
        }
        var byId = new TreeMap<String, AircallMessageRecorded>();
        events.forEach(event -> byId.put(event.getAircallMessageId(), event));
        var rows = byId.values();
        sql.update("""
                insert into aircall_messages (aircall_id, message_id, parent_id, caller_id, number_id, phone, body, status, direction, occurred_at)
                select u.id, u.m, u.p, u.c, u.n, u.ph, u.b,
                       coalesce((select case t.status when 1 then 'delivered' when 2 then 'sent' when 4 then 'failed' when 5 then 'expired' end
                                 from text_message_events t where t.aircall_message_id = u.id limit 1), u.s),
                       u.d, %s
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int8[])
                     as u(id, m, p, c, n, ph, b, s, d, o)
                on conflict (aircall_id) do update set message_id = coalesce(excluded.message_id, aircall_messages.message_id),
                    parent_id = excluded.parent_id, caller_id = excluded.caller_id, number_id = excluded.number_id,
                    phone = excluded.phone, body = excluded.body
                """.formatted(TS.formatted("u.o")),
                texts(rows, AircallMessageRecorded::getAircallMessageId), texts(rows, AircallMessageRecorded::getMessageId),
                texts(rows, AircallMessageRecorded::getParentId), texts(rows, AircallMessageRecorded::getCallerId),
                texts(rows, AircallMessageRecorded::getNumberId), texts(rows, AircallMessageRecorded::getPhone),
                texts(rows, AircallMessageRecorded::getBody), texts(rows, AircallMessageRecorded::getStatus),
                texts(rows, AircallMessageRecorded::getDirection),
                millis(rows, AircallMessageRecorded::getOccurredAt));
    }

    private void inbound(List<InboundMessage> events) {
        if (events.isEmpty()) {
            return;
        }
        sql.update("""
                insert into inbound_messages (event_id, provider, phone, body, kind, provider_message_id, aircall_number_id, received_at)
                select e, p, ph, b, k, pm, n, %s
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int8[]) as u(e, p, ph, b, k, pm, n, o)
                on conflict do nothing
                """.formatted(TS.formatted("o")),
                texts(events, InboundMessage::getEventId), texts(events, e -> ProviderNames.messageProvider(e.getProvider())),
                texts(events, InboundMessage::getPhone), texts(events, InboundMessage::getBody),
                texts(events, e -> e.getKind().name()), texts(events, InboundMessage::getProviderMessageId),
                texts(events, InboundMessage::getAircallNumberId),
                millis(events, InboundMessage::getOccurredAt));
        var aircall = events.stream().filter(e -> e.getProvider() == Provider.AIRCALL).toList();
        if (!aircall.isEmpty()) {
            sql.update("""
                    insert into aircall_messages (aircall_id, number_id, phone, body, status, direction, occurred_at)
                    select id, n, ph, b, 'received', 'inbound', %s
                    from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::int8[]) as u(id, n, ph, b, o)
                    on conflict do nothing
                    """.formatted(TS.formatted("o")),
                    texts(aircall, e -> e.getProviderMessageId() != null ? e.getProviderMessageId() : e.getEventId()),
                    texts(aircall, InboundMessage::getAircallNumberId), texts(aircall, InboundMessage::getPhone),
                    texts(aircall, InboundMessage::getBody),
                    millis(aircall, InboundMessage::getOccurredAt));
        }
    }

    /** The latest opt-out of a phone wins whatever the order they are read in. */
    private void optOuts(List<OptOut> events) {
        if (events.isEmpty()) {
            return;
        }
        var byPhone = new TreeMap<String, OptOut>();
        for (var event : events) {
            byPhone.merge(event.getPhone(), event, (a, b) -> b.getOccurredAt().isAfter(a.getOccurredAt()) ? b : a);
        }
        var rows = byPhone.values();
        sql.update("""
                insert into opt_outs (phone, provider, reason, event_id, opted_out_at)
                select ph, p, r, e, %s from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::int8[]) as u(ph, p, r, e, o)
                on conflict (phone) do update set provider = excluded.provider, reason = excluded.reason,
                    event_id = excluded.event_id, opted_out_at = excluded.opted_out_at
                where excluded.opted_out_at > opt_outs.opted_out_at
                """.formatted(TS.formatted("o")),
                texts(rows, OptOut::getPhone), texts(rows, e -> ProviderNames.messageProvider(e.getProvider())),
                texts(rows, OptOut::getReason), texts(rows, OptOut::getEventId),
                millis(rows, OptOut::getOccurredAt));
    }

    /** A click counts once per eventId: the counter is recomputed from the clicks table, never incremented. */
    private void clicks(List<LinkClicked> events) {
        if (events.isEmpty()) {
            return;
        }
        var messageIds = events.stream().map(LinkClicked::getMessageId).distinct().sorted().toArray(String[]::new);
        sql.update("""
                insert into text_message_events (message_id) select unnest(?::text[]) on conflict do nothing
                """, (Object) messageIds);
        sql.update("""
                insert into link_clicks (event_id, message_id, code, target_url, clicked_at)
                select e, m, c, t, %s from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::int8[]) as u(e, m, c, t, o)
                on conflict do nothing
                """.formatted(TS.formatted("o")),
                texts(events, LinkClicked::getEventId), texts(events, LinkClicked::getMessageId),
                texts(events, LinkClicked::getCode), texts(events, LinkClicked::getTargetUrl),
                millis(events, LinkClicked::getOccurredAt));
        sql.update("""
                update text_message_events t set clicks = c.n
                from (select message_id, count(*)::int as n from link_clicks where message_id = any(?::text[]) group by message_id) c
                where t.message_id = c.message_id
                """, (Object) messageIds);
    }

    private void calls(List<AircallCallEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        sql.update("""
                insert into aircall_calls (event_id, call_id, event, direction, status, phone, number_id, user_id, duration_seconds, occurred_at)
                select e, c, ev, d, s, ph, n, us, du, %s
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int4[], ?::int8[])
                     as u(e, c, ev, d, s, ph, n, us, du, o)
                on conflict do nothing
                """.formatted(TS.formatted("o")),
                texts(events, AircallCallEvent::getEventId), texts(events, AircallCallEvent::getCallId),
                texts(events, AircallCallEvent::getEvent), texts(events, AircallCallEvent::getDirection),
                texts(events, AircallCallEvent::getStatus), texts(events, AircallCallEvent::getPhone),
                texts(events, AircallCallEvent::getNumberId), texts(events, AircallCallEvent::getUserId),
                events.stream().map(AircallCallEvent::getDurationSeconds).toArray(Integer[]::new),
                millis(events, AircallCallEvent::getOccurredAt));
    }

    static String eventId(SpecificRecord event) {
        return switch (event) {
            case MessagePlanned e -> e.getEventId();
            case StatusUpdated e -> e.getEventId();
            case AircallMessageRecorded e -> e.getEventId();
            case InboundMessage e -> e.getEventId();
            case OptOut e -> e.getEventId();
            case LinkClicked e -> e.getEventId();
            case AircallCallEvent e -> e.getEventId();
            default -> throw new IllegalArgumentException("the tracker does not project " + event.getSchema().getFullName());
        };
    }

    private static String key(Transition transition) {
        return transition.messageId() + '\u0000' + transition.eventId();
    }

    private static <T> String[] texts(java.util.Collection<T> rows, Function<T, ? extends @Nullable Object> column) {
        return rows.stream().map(row -> {
            var value = column.apply(row);
            return value == null ? null : value.toString();
        }).toArray(String[]::new);
    }

    private static <T> Long[] millis(java.util.Collection<T> rows, Function<T, Instant> column) {
        return rows.stream().map(row -> column.apply(row).toEpochMilli()).toArray(Long[]::new);
    }

    private static @Nullable Instant instant(ResultSet rows, int column) throws SQLException {
        var value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    private record Positioned(StatusUpdated event, int position) {
    }

    private record Ordered(Transition transition, int position) {
    }

    private record Learned(String messageId, Provider provider, String providerMessageId, @Nullable String phone) {
    }

    private record Locked(MessageProgress progress, @Nullable String aircallMessageId) {
    }

    /** A batch's fresh events sorted by type, in the order they were read. */
    private static final class Batch {
        final List<MessagePlanned> planned = new ArrayList<>();
        final List<Positioned> statuses = new ArrayList<>();
        final List<AircallMessageRecorded> aircallRecorded = new ArrayList<>();
        final List<InboundMessage> inbound = new ArrayList<>();
        final List<OptOut> optOuts = new ArrayList<>();
        final List<LinkClicked> clicks = new ArrayList<>();
        final List<AircallCallEvent> calls = new ArrayList<>();

        void add(SpecificRecord event, int position) {
            switch (event) {
                case MessagePlanned e -> planned.add(e);
                case StatusUpdated e -> statuses.add(new Positioned(e, position));
                case AircallMessageRecorded e -> aircallRecorded.add(e);
                case InboundMessage e -> inbound.add(e);
                case OptOut e -> optOuts.add(e);
                case LinkClicked e -> clicks.add(e);
                case AircallCallEvent e -> calls.add(e);
                default -> throw new IllegalArgumentException("the tracker does not project " + event.getSchema().getFullName());
            }
        }

        Map<String, Integer> counts() {
            var counts = new LinkedHashMap<String, Integer>();
            put(counts, "MessagePlanned", planned.size());
            put(counts, "StatusUpdated", statuses.size());
            put(counts, "AircallMessageRecorded", aircallRecorded.size());
            put(counts, "InboundMessage", inbound.size());
            put(counts, "OptOut", optOuts.size());
            put(counts, "LinkClicked", clicks.size());
            put(counts, "AircallCallEvent", calls.size());
            return counts;
        }

        private static void put(Map<String, Integer> counts, String type, int count) {
            if (count > 0) {
                counts.put(type, count);
            }
        }
    }

    private static final class Outcome {
        final Map<String, Integer> applied = new LinkedHashMap<>();
        int duplicates;
        int anomalies;
        final List<Duration> plannedToSent = new ArrayList<>();
        final List<Duration> sentToDelivered = new ArrayList<>();
        final StringBuilder steps = new StringBuilder();
        long mark = System.nanoTime();

        void step(String name) {
            long now = System.nanoTime();
            steps.append(name).append(':').append((now - mark) / 1_000_000).append(' ');
            mark = now;
        }

        BatchOutcome toBatchOutcome() {
            return new BatchOutcome(applied, duplicates, anomalies, plannedToSent, sentToDelivered);
        }
    }
}
