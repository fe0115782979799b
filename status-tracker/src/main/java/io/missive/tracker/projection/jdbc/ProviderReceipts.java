package io.missive.tracker.projection.jdbc;

import static io.missive.tracker.projection.jdbc.SqlArrays.instant;
import static io.missive.tracker.projection.jdbc.SqlArrays.millis;
import static io.missive.tracker.projection.jdbc.SqlArrays.texts;
import static io.missive.tracker.projection.jdbc.SqlArrays.timestamp;

import io.missive.events.Channel;
import io.missive.events.Provider;
import io.missive.events.StatusUpdated;
import io.missive.schemas.Statuses;
import io.missive.tracker.projection.Transition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;

/**
 * Provider receipts ({@code StatusUpdated} naming a provider id, not a message): parked in
 * {@code provider_receipts} for good and matched to the messages that carry their provider id, both
 * when they arrive and when a SENT (or a {@code MessagePlanned}) teaches a message that id (decision 0501).
 */
final class ProviderReceipts {

    private final SqlArrays sql;

    ProviderReceipts(SqlArrays sql) {
        this.sql = sql;
    }

    /**
     * A receipt stored by one transaction and the SENT that teaches its provider id in another must not
     * miss each other: transactions touching the same provider id take turns.
     */
    void takeTurnsOn(Collection<String> providerIds) {
        var sorted = providerIds.stream().distinct().sorted().toArray(String[]::new);
        if (sorted.length > 0) {
            sql.query("select pg_advisory_xact_lock(h) from (select distinct hashtext(x) as h from unnest(?::text[]) x order by 1) s",
                    rows -> 0, (Object) sorted);
        }
    }

    /**
     * Stores the receipts; returns those stored now, in their order: a receipt stored before (its eventId
     * is the table's key) is a redelivery, already matched to whatever it names.
     */
    List<StatusUpdated> park(List<StatusUpdated> receipts) {
        if (receipts.isEmpty()) {
            return List.of();
        }
        var stored = new HashSet<>(sql.query("""
                insert into provider_receipts (event_id, provider, provider_message_id, phone, status, occurred_at, source, reason,
                    attempts, channel, fallback)
                select e, p, pm, ph, s, %s, so, r, a, cn, fb
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::int4[], ?::int8[], ?::text[], ?::text[], ?::int4[],
                            ?::text[], ?::bool[])
                     as u(e, p, pm, ph, s, o, so, r, a, cn, fb)
                on conflict do nothing
                returning event_id
                """.formatted(timestamp("o")), rows -> rows.getString(1),
                texts(receipts, StatusUpdated::getEventId), texts(receipts, e -> e.getProvider().name()),
                texts(receipts, StatusUpdated::getProviderMessageId), texts(receipts, StatusUpdated::getPhone),
                receipts.stream().map(e -> Statuses.code(e.getStatus())).toArray(Integer[]::new),
                millis(receipts, StatusUpdated::getOccurredAt),
                texts(receipts, StatusUpdated::getSource), texts(receipts, StatusUpdated::getReason),
                receipts.stream().map(StatusUpdated::getAttempts).toArray(Integer[]::new),
                texts(receipts, e -> e.getChannel() == null ? null : e.getChannel().name()),
                receipts.stream().map(StatusUpdated::getFallback).toArray(Boolean[]::new)));
        return receipts.stream().filter(receipt -> stored.contains(receipt.getEventId())).toList();
    }

    /**
     * Receipts joined to the messages they name: this batch's receipts against every known message,
     * and every stored receipt (this batch's included) against the provider ids this batch taught.
     * A SpotHit receipt with a number names one message of the campaign, without one all of them; an
     * Aircall id names one message. Each lookup is a lateral subquery (kept apart by {@code offset 0}) so
     * that it is an index lookup per key, whatever the planner believes of the table's size.
     */
    List<Transition> matching(List<StatusUpdated> receipts, Collection<ProviderIdentity> learned) {
        var matches = fromThisBatch(receipts);
        if (learned.isEmpty()) {
            return matches;
        }
        var columns = "r.event_id, r.status, r.occurred_at, r.source, r.reason, r.attempts, r.channel, r.fallback";
        SqlArrays.Row<Transition> stored = rows -> new Transition(rows.getString(1), rows.getString(2),
                Statuses.fromCode(rows.getInt(3)), instant(rows, 4), rows.getString(5), rows.getString(6),
                (Integer) rows.getObject(7), rows.getString(8) == null ? null : Channel.valueOf(rows.getString(8)),
                rows.getBoolean(9));
        var learnedSpotHit = learned.stream().filter(l -> l.provider() == Provider.SPOTHIT).toList();
        var learnedAircall = learned.stream().filter(l -> l.provider() == Provider.AIRCALL).toList();
        var withPhone = learnedSpotHit.stream().filter(l -> l.phone() != null).toList();
        if (!withPhone.isEmpty()) {
            matches.addAll(sql.query("""
                    select u.m, %s from unnest(?::text[], ?::text[], ?::text[]) as u(m, pm, ph)
                    cross join lateral (select * from provider_receipts
                                        where provider_message_id = u.pm and phone = u.ph and provider = 'SPOTHIT' offset 0) r
                    """.formatted(columns), stored, texts(withPhone, ProviderIdentity::messageId),
                    texts(withPhone, ProviderIdentity::providerMessageId), texts(withPhone, ProviderIdentity::phone)));
        }
        if (!learnedSpotHit.isEmpty()) {
            matches.addAll(sql.query("""
                    select u.m, %s from unnest(?::text[], ?::text[]) as u(m, pm)
                    cross join lateral (select * from provider_receipts
                                        where provider_message_id = u.pm and phone is null and provider = 'SPOTHIT' offset 0) r
                    """.formatted(columns), stored, texts(learnedSpotHit, ProviderIdentity::messageId),
                    texts(learnedSpotHit, ProviderIdentity::providerMessageId)));
        }
        if (!learnedAircall.isEmpty()) {
            matches.addAll(sql.query("""
                    select u.m, %s from unnest(?::text[], ?::text[]) as u(m, pm)
                    cross join lateral (select * from provider_receipts
                                        where provider_message_id = u.pm and provider = 'AIRCALL' offset 0) r
                    """.formatted(columns), stored, texts(learnedAircall, ProviderIdentity::messageId),
                    texts(learnedAircall, ProviderIdentity::providerMessageId)));
        }
        return matches;
    }

    /** This batch's receipts joined to the messages already known by their provider id. */
    private List<Transition> fromThisBatch(List<StatusUpdated> receipts) {
        var byEventId = new HashMap<String, StatusUpdated>();
        var spotHitOne = new ArrayList<StatusUpdated>();
        var spotHitAll = new ArrayList<StatusUpdated>();
        var aircall = new ArrayList<StatusUpdated>();
        for (var event : receipts) {
            byEventId.put(event.getEventId(), event);
            if (event.getProvider() == Provider.AIRCALL) {
                aircall.add(event);
            } else if (event.getPhone() != null) {
                spotHitOne.add(event);
            } else {
                spotHitAll.add(event);
            }
        }
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
        var matches = new ArrayList<Transition>();
        for (var found : pairs) {
            var event = byEventId.get(found[1]);
            matches.add(new Transition(found[0], event.getEventId(), event.getStatus(), event.getOccurredAt(),
                    event.getSource(), event.getReason(), event.getAttempts(), event.getChannel(), event.getFallback()));
        }
        return matches;
    }
}
