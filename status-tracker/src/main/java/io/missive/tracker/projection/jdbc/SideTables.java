package io.missive.tracker.projection.jdbc;

import static io.missive.tracker.projection.jdbc.SqlArrays.millis;
import static io.missive.tracker.projection.jdbc.SqlArrays.texts;
import static io.missive.tracker.projection.jdbc.SqlArrays.timestamp;

import io.missive.events.AircallCallEvent;
import io.missive.events.AircallMessageRecorded;
import io.missive.events.InboundMessage;
import io.missive.events.LinkClicked;
import io.missive.events.OptOut;
import io.missive.events.Provider;
import io.missive.events.Status;
import io.missive.schemas.Statuses;
import io.missive.schemas.phones.PhoneNumbers;
import io.missive.tracker.directory.jdbc.JdbcParentContacts;
import io.missive.tracker.projection.ProviderNames;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The tables beside the messages' rows: Aircall messages, inbound messages, opt-outs, link clicks and
 * Aircall calls. Each is written with one or two set-based statements per batch, idempotent on its key.
 */
final class SideTables {

    /** {@link ProviderNames#aircallStatus} over the messages' status code, so that SQL and Java say the same. */
    private static final String AIRCALL_STATUS_OF_MESSAGE = aircallStatusOf("t.status");

    private final SqlArrays sql;

    SideTables(SqlArrays sql) {
        this.sql = sql;
    }

    /** A message sent through Aircall, with the status it has reached. */
    record Outbound(String aircallId, Status status) {
    }

    /** Outbound Aircall rows follow their message's status once it says something about them. */
    void followMessageStatuses(List<Outbound> messages) {
        var rows = new ArrayList<String[]>();
        for (var message : messages) {
            var status = ProviderNames.aircallStatus(message.status());
            if (status != null) {
                rows.add(new String[] {message.aircallId(), status});
            }
        }
        if (!rows.isEmpty()) {
            sql.update("""
                    update aircall_messages a set status = u.s from unnest(?::text[], ?::text[]) as u(id, s)
                    where a.aircall_id = u.id and a.direction = 'outbound'
                    """, texts(rows, row -> row[0]), texts(rows, row -> row[1]));
        }
    }

    /** Outbound AircallMessage rows; their status follows the message's once statuses are known. */
    void aircallRecorded(List<AircallMessageRecorded> events) {
        if (events.isEmpty()) {
            return;
        }
        var byId = new TreeMap<String, AircallMessageRecorded>();
        events.forEach(event -> byId.put(event.getAircallMessageId(), event));
        var rows = byId.values();
        sql.update("""
                insert into aircall_messages (aircall_id, message_id, parent_id, caller_id, number_id, phone, body, status, direction, occurred_at)
                select u.id, u.m, u.p, u.c, u.n, u.ph, u.b,
                       coalesce((select %s
                                 from text_message_events t where t.aircall_message_id = u.id limit 1), u.s),
                       u.d, %s
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int8[])
                     as u(id, m, p, c, n, ph, b, s, d, o)
                on conflict (aircall_id) do update set message_id = coalesce(excluded.message_id, aircall_messages.message_id),
                    parent_id = excluded.parent_id, caller_id = excluded.caller_id, number_id = excluded.number_id,
                    phone = excluded.phone, body = excluded.body
                """.formatted(AIRCALL_STATUS_OF_MESSAGE, timestamp("u.o")),
                texts(rows, AircallMessageRecorded::getAircallMessageId), texts(rows, AircallMessageRecorded::getMessageId),
                texts(rows, AircallMessageRecorded::getParentId), texts(rows, AircallMessageRecorded::getCallerId),
                texts(rows, AircallMessageRecorded::getNumberId), texts(rows, AircallMessageRecorded::getPhone),
                texts(rows, AircallMessageRecorded::getBody), texts(rows, AircallMessageRecorded::getStatus),
                texts(rows, AircallMessageRecorded::getDirection),
                millis(rows, AircallMessageRecorded::getOccurredAt));
    }

    void inbound(List<InboundMessage> events) {
        if (events.isEmpty()) {
            return;
        }
        sql.update("""
                insert into inbound_messages (event_id, provider, phone, body, kind, provider_message_id, aircall_number_id, received_at)
                select e, p, ph, b, k, pm, n, %s
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int8[]) as u(e, p, ph, b, k, pm, n, o)
                on conflict do nothing
                """.formatted(timestamp("o")),
                texts(events, InboundMessage::getEventId), texts(events, e -> ProviderNames.messageProvider(e.getProvider())),
                texts(events, e -> contactPhone(e.getPhone())), texts(events, InboundMessage::getBody),
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
                    """.formatted(timestamp("o")),
                    texts(aircall, e -> e.getProviderMessageId() != null ? e.getProviderMessageId() : e.getEventId()),
                    texts(aircall, InboundMessage::getAircallNumberId), texts(aircall, InboundMessage::getPhone),
                    texts(aircall, InboundMessage::getBody),
                    millis(aircall, InboundMessage::getOccurredAt));
        }
        lockPhones(texts(events, e -> contactPhone(e.getPhone())));
        sql.update("""
                insert into inbound_parents (event_id, parent_id, supporter_id, received_at)
                select u.e, d.parent_id, d.supporter_id, %s
                from unnest(?::text[], ?::text[], ?::int8[]) as u(e, ph, o) join directory_parents d on d.phone = u.ph
                on conflict do nothing
                """.formatted(timestamp("u.o")),
                texts(events, InboundMessage::getEventId), texts(events, e -> contactPhone(e.getPhone())),
                millis(events, InboundMessage::getOccurredAt));
    }

    /**
     * The phone a reply or call is tied to its parents by: the form the directory's phones are kept in
     * ({@code ParentContact}). The gateway already publishes E.164; a phone the library rejects is kept as it came.
     */
    private static @Nullable String contactPhone(@Nullable String phone) {
        return phone == null ? null : PhoneNumbers.toE164(phone).orElse(phone);
    }

    /** Serialises tying a reply or call to the parents of its phone with the directory learning that phone. */
    private void lockPhones(String[] phones) {
        sql.query(JdbcParentContacts.LOCK_PHONES, rows -> rows.getLong(1), (Object) phones);
    }

    /**
     * The latest opt-out or opt-in of a phone wins whatever the order they are read in; every one of them is kept in
     * the phone's history (an opt-in names its author and reason).
     */
    void optOuts(List<OptOut> events) {
        if (events.isEmpty()) {
            return;
        }
        sql.update("""
                insert into opt_out_history (event_id, phone, provider, active, reason, author, occurred_at)
                select e, ph, p, a, r, au, %s from unnest(?::text[], ?::text[], ?::text[], ?::bool[], ?::text[], ?::text[], ?::int8[])
                    as u(e, ph, p, a, r, au, o)
                on conflict (event_id) do nothing
                """.formatted(timestamp("o")),
                texts(events, OptOut::getEventId), texts(events, OptOut::getPhone),
                texts(events, e -> ProviderNames.messageProvider(e.getProvider())),
                events.stream().map(OptOut::getActive).toArray(Boolean[]::new),
                texts(events, OptOut::getReason), texts(events, OptOut::getAuthor), millis(events, OptOut::getOccurredAt));
        var byPhone = new TreeMap<String, OptOut>();
        for (var event : events) {
            byPhone.merge(event.getPhone(), event, (a, b) -> b.getOccurredAt().isAfter(a.getOccurredAt()) ? b : a);
        }
        var rows = byPhone.values();
        sql.update("""
                insert into opt_outs (phone, provider, reason, event_id, opted_out_at, active, author)
                select ph, p, r, e, %s, a, au from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::int8[], ?::bool[], ?::text[])
                    as u(ph, p, r, e, o, a, au)
                on conflict (phone) do update set provider = excluded.provider, reason = excluded.reason,
                    event_id = excluded.event_id, opted_out_at = excluded.opted_out_at, active = excluded.active,
                    author = excluded.author
                where excluded.opted_out_at > opt_outs.opted_out_at
                """.formatted(timestamp("o")),
                texts(rows, OptOut::getPhone), texts(rows, e -> ProviderNames.messageProvider(e.getProvider())),
                texts(rows, OptOut::getReason), texts(rows, OptOut::getEventId),
                millis(rows, OptOut::getOccurredAt), rows.stream().map(OptOut::getActive).toArray(Boolean[]::new),
                texts(rows, OptOut::getAuthor));
    }

    /** A click counts once per eventId: the counter is recomputed from the clicks table, never incremented. */
    void clicks(List<LinkClicked> events) {
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
                """.formatted(timestamp("o")),
                texts(events, LinkClicked::getEventId), texts(events, LinkClicked::getMessageId),
                texts(events, LinkClicked::getCode), texts(events, LinkClicked::getTargetUrl),
                millis(events, LinkClicked::getOccurredAt));
        sql.update("""
                update text_message_events t set clicks = c.n
                from (select message_id, count(*)::int as n from link_clicks where message_id = any(?::text[]) group by message_id) c
                where t.message_id = c.message_id
                """, (Object) messageIds);
    }

    void calls(List<AircallCallEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        sql.update("""
                insert into aircall_calls (event_id, call_id, event, direction, status, phone, number_id, user_id, duration_seconds, occurred_at)
                select e, c, ev, d, s, ph, n, us, du, %s
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int4[], ?::int8[])
                     as u(e, c, ev, d, s, ph, n, us, du, o)
                on conflict do nothing
                """.formatted(timestamp("o")),
                texts(events, AircallCallEvent::getEventId), texts(events, AircallCallEvent::getCallId),
                texts(events, AircallCallEvent::getEvent), texts(events, AircallCallEvent::getDirection),
                texts(events, AircallCallEvent::getStatus), texts(events, e -> contactPhone(e.getPhone())),
                texts(events, AircallCallEvent::getNumberId), texts(events, AircallCallEvent::getUserId),
                events.stream().map(AircallCallEvent::getDurationSeconds).toArray(Integer[]::new),
                millis(events, AircallCallEvent::getOccurredAt));
        // A call is tied to the parents of its phone once, when its first event with a phone is projected.
        var withPhone = events.stream().filter(e -> e.getPhone() != null).toList();
        if (withPhone.isEmpty()) {
            return;
        }
        lockPhones(texts(withPhone, e -> contactPhone(e.getPhone())));
        sql.update("""
                insert into call_parents (call_id, parent_id)
                select distinct u.c, d.parent_id
                from unnest(?::text[], ?::text[]) as u(c, ph) join directory_parents d on d.phone = u.ph
                where not exists (select 1 from call_parents x where x.call_id = u.c)
                on conflict do nothing
                """, texts(withPhone, AircallCallEvent::getCallId), texts(withPhone, e -> contactPhone(e.getPhone())));
    }

    /** A SQL {@code case} giving, for a message status code, the Aircall status {@link ProviderNames} gives it. */
    static String aircallStatusOf(String statusCode) {
        var sql = new StringBuilder("case ").append(statusCode);
        for (var status : Status.values()) {
            var name = ProviderNames.aircallStatus(status);
            if (name != null) {
                sql.append(" when ").append(Statuses.code(status)).append(" then '").append(name).append('\'');
            }
        }
        return sql.append(" end").toString();
    }
}
