package io.missive.spothit.dispatch.jdbc;

import io.missive.events.Channel;
import io.missive.events.ChannelChoice;
import io.missive.schemas.erasure.Erasures;
import io.missive.spothit.dispatch.BulkSms;
import io.missive.spothit.dispatch.DispatchLedger;
import io.missive.spothit.dispatch.LedgerEntry;
import io.missive.spothit.dispatch.DispatchState;
import io.missive.spothit.dispatch.Parking;
import io.missive.spothit.dispatch.RequestedMessage;
import io.missive.spothit.dispatch.StatusChange;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger in the service's own schema. Each operation is one statement over arrays
 * ({@code unnest}, {@code = any}), so a poll of thousands of messages costs a handful of round trips,
 * and each transition is guarded by the state it leaves.
 */
public class JdbcDispatchLedger implements DispatchLedger {

    private static final String COLUMNS = "message_id, campaign_id, phone, state, spothit_message_id, reason, attempts, channel, fallback, batch_id";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> VARIABLES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    public JdbcDispatchLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, LedgerEntry> claim(List<RequestedMessage> messages) {
        var ids = messages.stream().map(RequestedMessage::messageId).toArray(String[]::new);
        jdbc.sql("""
                insert into dispatch_ledger (message_id, campaign_id, phone, state, due_at)
                select id, campaign, phone, 'PENDING', due
                from unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[]) as m(id, campaign, phone, due)
                on conflict (message_id) do nothing""")
                .param(ids)
                .param(messages.stream().map(RequestedMessage::campaignId).toArray(String[]::new))
                .param(messages.stream().map(RequestedMessage::phone).toArray(String[]::new))
                .param(messages.stream().map(m -> Timestamp.from(m.dueAt())).toArray(Timestamp[]::new))
                .update();
        var entries = new LinkedHashMap<String, LedgerEntry>();
        jdbc.sql("select " + COLUMNS + " from dispatch_ledger where message_id = any(?::text[])")
                .param(ids)
                .query(JdbcDispatchLedger::entry)
                .list()
                .forEach(entry -> entries.put(entry.messageId(), entry));
        return entries;
    }

    @Override
    public Set<String> startSending(BulkSms sms, DispatchState from) {
        if (from != DispatchState.PENDING && from != DispatchState.PARKED) {
            throw new IllegalArgumentException("a call starts from PENDING or PARKED, not " + from);
        }
        // A parked message is taken only once due: another instance may have re-parked it meanwhile.
        return new HashSet<>(jdbc.sql("""
                update dispatch_ledger set state = 'SENDING', batch_id = ?, updated_at = now()
                where message_id = any(?::text[]) and state = ?
                  and (state = 'PENDING' or next_attempt_at <= now())
                returning message_id""")
                .param(sms.batchId())
                .param(sms.messageIds().toArray(String[]::new))
                .param(from.name())
                .query(String.class)
                .list());
    }

    @Override
    public List<LedgerEntry> settleSent(BulkSms sms, String spotHitMessageId, int attempts, @Nullable String fallbackNote) {
        return jdbc.sql("""
                update dispatch_ledger set state = 'SENT', spothit_message_id = ?, reason = ?, channel = ?, fallback = ?,
                       attempts = attempts + ?, next_attempt_at = null, body = null, template = null,
                       variables = null, attachment_url = null, requested_channel = null, media_id = null,
                       updated_at = now()
                where batch_id = ? and state = 'SENDING'
                returning\s""" + COLUMNS)
                .param(spotHitMessageId)
                .param(fallbackNote)
                .param(sms.channel().name())
                .param(fallbackNote != null)
                .param(attempts)
                .param(sms.batchId())
                .query(JdbcDispatchLedger::entry)
                .list();
    }

    @Override
    public List<LedgerEntry> settleFailed(Collection<String> messageIds, DispatchState from, String reason, int attempts) {
        return jdbc.sql("""
                update dispatch_ledger set state = 'FAILED', reason = ?, attempts = attempts + ?, next_attempt_at = null,
                       body = null, template = null, variables = null, attachment_url = null,
                       requested_channel = null, media_id = null, updated_at = now()
                where message_id = any(?::text[]) and state = ?
                returning\s""" + COLUMNS)
                .param(reason)
                .param(attempts)
                .param(messageIds.toArray(String[]::new))
                .param(from.name())
                .query(JdbcDispatchLedger::entry)
                .list();
    }

    @Override
    public void forgetPhones(Collection<String> messageIds) {
        jdbc.sql("update dispatch_ledger set phone = ? where message_id = any(?::text[])")
                .param(Erasures.REDACTED)
                .param(messageIds.toArray(String[]::new))
                .update();
    }

    @Override
    public Parked park(BulkSms sms, DispatchState from, Collection<RequestedMessage> messages, String failure, int attempts,
                       Parking parking) {
        if (from == DispatchState.SENT || from == DispatchState.FAILED) {
            throw new IllegalArgumentException("a settled message is not parked: " + from);
        }
        double giveUpAfter = seconds(parking.giveUpAfter());
        var ids = sms.messageIds().toArray(String[]::new);
        var gaveUp = jdbc.sql("""
                update dispatch_ledger set state = 'FAILED', reason = ?, attempts = attempts + ?, next_attempt_at = null,
                       body = null, template = null, variables = null, attachment_url = null,
                       requested_channel = null, media_id = null, updated_at = now()
                where message_id = any(?::text[]) and state = ?
                  and (state <> 'SENDING' or batch_id = ?) and (state <> 'PARKED' or next_attempt_at <= now())
                  and coalesce(due_at, created_at) + make_interval(secs => ?) <= now()
                returning\s""" + COLUMNS)
                .param(Parking.gaveUpReason(failure))
                .param(attempts)
                .param(ids)
                .param(from.name())
                .param(sms.batchId())
                .param(giveUpAfter)
                .query(JdbcDispatchLedger::entry)
                .list();
        var list = List.copyOf(messages);
        var first = new ArrayList<LedgerEntry>();
        var parked = jdbc.sql("""
                update dispatch_ledger l set state = 'PARKED', reason = ?, attempts = l.attempts + ?, parks = l.parks + 1,
                       next_attempt_at = least(now() + make_interval(secs => least(? * power(2, least(l.parks, 30)), ?)),
                                               coalesce(l.due_at, l.created_at) + make_interval(secs => ?)),
                       body = u.b, template = u.t, variables = u.v::jsonb, attachment_url = u.a,
                       requested_channel = u.c, media_id = u.m, updated_at = now()
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                     as u(id, b, t, v, a, c, m)
                where l.message_id = u.id and l.state = ?
                  and (l.state <> 'SENDING' or l.batch_id = ?) and (l.state <> 'PARKED' or l.next_attempt_at <= now())
                returning l.message_id, l.campaign_id, l.phone, l.state, l.spothit_message_id, l.reason, l.attempts,
                          l.channel, l.fallback, l.batch_id, l.parks, l.next_attempt_at""")
                .param(failure)
                .param(attempts)
                .param(seconds(parking.firstWait()))
                .param(seconds(parking.maxWait()))
                .param(giveUpAfter)
                .param(list.stream().map(RequestedMessage::messageId).toArray(String[]::new))
                .param(list.stream().map(RequestedMessage::body).toArray(String[]::new))
                .param(list.stream().map(RequestedMessage::template).toArray(String[]::new))
                .param(list.stream().map(m -> JSON.writeValueAsString(m.variables())).toArray(String[]::new))
                .param(list.stream().map(RequestedMessage::attachmentUrl).toArray(String[]::new))
                .param(list.stream().map(m -> m.channel().name()).toArray(String[]::new))
                .param(list.stream().map(RequestedMessage::mediaId).toArray(String[]::new))
                .param(from.name())
                .param(sms.batchId())
                .query((row, n) -> {
                    var entry = entry(row, n).parked(row.getTimestamp("next_attempt_at").toInstant(), row.getInt("parks"));
                    if (StatusChange.Retrying.announces(entry.parks())) {
                        first.add(entry);
                    }
                    return entry;
                })
                .list();
        return new Parked(gaveUp, first, parked.size());
    }

    @Override
    public List<RequestedMessage> dueParked(int limit) {
        return jdbc.sql("""
                select message_id, campaign_id, phone, body, template, variables::text as variables, attachment_url,
                       requested_channel, media_id, coalesce(due_at, created_at) as due
                from dispatch_ledger
                where state = 'PARKED' and next_attempt_at <= now()
                order by due_at, message_id limit ?""")
                .param(limit)
                .query((row, n) -> new RequestedMessage(row.getString("message_id"), row.getString("campaign_id"),
                        row.getString("phone"), row.getString("body"), row.getString("template"),
                        variables(row.getString("variables")), row.getString("attachment_url"),
                        row.getTimestamp("due").toInstant(), requestedChannel(row.getString("requested_channel")),
                        row.getString("media_id")))
                .list();
    }

    @Override
    public int wakeParked() {
        return jdbc.sql("update dispatch_ledger set next_attempt_at = now() where state = 'PARKED' and next_attempt_at > now()")
                .update();
    }

    @Override
    public ParkedSummary parkedSummary() {
        var campaigns = jdbc.sql("""
                select campaign_id, count(*) as parked, min(next_attempt_at) as next from dispatch_ledger
                where state = 'PARKED' group by campaign_id order by campaign_id""")
                .query((row, n) -> new ParkedSummary.Campaign(row.getString("campaign_id"), row.getLong("parked"),
                        row.getTimestamp("next").toInstant()))
                .list();
        return ParkedSummary.of(campaigns);
    }

    @Override
    public List<LedgerEntry> stuckSending(Duration olderThan, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                 from dispatch_ledger
                where state = 'SENDING' and updated_at < now() - make_interval(secs => ?)
                order by updated_at limit ?""")
                .param(olderThan.toMillis() / 1000.0)
                .param(limit)
                .query(JdbcDispatchLedger::entry)
                .list();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static ChannelChoice requestedChannel(@Nullable String name) {
        return name == null ? ChannelChoice.AUTO : ChannelChoice.valueOf(name);
    }

    private static Map<String, String> variables(@Nullable String json) {
        return json == null ? Map.of() : JSON.readValue(json, VARIABLES);
    }

    private static LedgerEntry entry(ResultSet row, int rowNumber) throws SQLException {
        return new LedgerEntry(row.getString("message_id"), row.getString("campaign_id"), row.getString("phone"),
                DispatchState.valueOf(row.getString("state")), row.getString("spothit_message_id"),
                row.getString("reason"), row.getInt("attempts"),
                row.getString("channel") == null ? null : Channel.valueOf(row.getString("channel")), row.getBoolean("fallback"),
                row.getString("batch_id"));
    }
}
