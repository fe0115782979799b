package io.missive.spothit.dispatch.jdbc;

import io.missive.spothit.dispatch.BulkSms;
import io.missive.spothit.dispatch.DispatchLedger;
import io.missive.spothit.dispatch.LedgerEntry;
import io.missive.spothit.dispatch.DispatchState;
import io.missive.spothit.dispatch.RequestedMessage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger in the service's own schema. Each operation is one statement over arrays
 * ({@code unnest}, {@code = any}), so a poll of thousands of messages costs a handful of round trips,
 * and each transition is guarded by the state it leaves.
 */
public class JdbcDispatchLedger implements DispatchLedger {

    private static final String COLUMNS = "message_id, campaign_id, phone, state, spothit_message_id, reason, attempts";

    private final JdbcClient jdbc;

    public JdbcDispatchLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, LedgerEntry> claim(List<RequestedMessage> messages) {
        var ids = messages.stream().map(RequestedMessage::messageId).toArray(String[]::new);
        jdbc.sql("""
                insert into dispatch_ledger (message_id, campaign_id, phone, state)
                select id, campaign, phone, 'PENDING' from unnest(?::text[], ?::text[], ?::text[]) as m(id, campaign, phone)
                on conflict (message_id) do nothing""")
                .param(ids)
                .param(messages.stream().map(RequestedMessage::campaignId).toArray(String[]::new))
                .param(messages.stream().map(RequestedMessage::phone).toArray(String[]::new))
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
    public Set<String> startSending(BulkSms sms) {
        return new HashSet<>(jdbc.sql("""
                update dispatch_ledger set state = 'SENDING', batch_id = ?, attempts = attempts + 1, updated_at = now()
                where message_id = any(?::text[]) and state = 'PENDING'
                returning message_id""")
                .param(sms.batchId())
                .param(sms.messageIds().toArray(String[]::new))
                .query(String.class)
                .list());
    }

    @Override
    public List<LedgerEntry> settleSent(BulkSms sms, String spotHitMessageId, int attempts) {
        return jdbc.sql("""
                update dispatch_ledger set state = 'SENT', spothit_message_id = ?, reason = null,
                       attempts = greatest(attempts, ?), updated_at = now()
                where batch_id = ? and state = 'SENDING'
                returning\s""" + COLUMNS)
                .param(spotHitMessageId)
                .param(attempts)
                .param(sms.batchId())
                .query(JdbcDispatchLedger::entry)
                .list();
    }

    @Override
    public List<LedgerEntry> settleFailed(Collection<String> messageIds, DispatchState from, String reason, int attempts) {
        return jdbc.sql("""
                update dispatch_ledger set state = 'FAILED', reason = ?, attempts = greatest(attempts, ?), updated_at = now()
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

    private static LedgerEntry entry(ResultSet row, int rowNumber) throws SQLException {
        return new LedgerEntry(row.getString("message_id"), row.getString("campaign_id"), row.getString("phone"),
                DispatchState.valueOf(row.getString("state")), row.getString("spothit_message_id"),
                row.getString("reason"), row.getInt("attempts"));
    }
}
