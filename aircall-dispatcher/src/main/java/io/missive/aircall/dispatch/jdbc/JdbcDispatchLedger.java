package io.missive.aircall.dispatch.jdbc;

import io.missive.aircall.dispatch.DispatchLedger;
import io.missive.aircall.dispatch.DispatchState;
import io.missive.aircall.dispatch.LedgerEntry;
import io.missive.aircall.dispatch.OutboundMessage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The dispatch ledger in the service's own PostgreSQL schema. */
public class JdbcDispatchLedger implements DispatchLedger {

    private static final String COLUMNS = """
            message_id, campaign_id, phone, body, number_id, parent_id, supporter_id, state, attempts,
            next_attempt_at, aircall_message_id, reason, version, received_at""";

    private final JdbcClient jdbc;

    public JdbcDispatchLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean admit(OutboundMessage message, Instant now) {
        return insert(message, DispatchState.PENDING, null, now);
    }

    @Override
    public boolean reject(OutboundMessage message, String reason, Instant now) {
        return insert(message, DispatchState.FAILED, reason, now);
    }

    private boolean insert(OutboundMessage message, DispatchState state, String reason, Instant now) {
        return jdbc.sql("""
                        insert into dispatch_ledger (message_id, campaign_id, phone, body, number_id, parent_id,
                            supporter_id, state, reason, next_attempt_at, version, received_at, updated_at)
                        values (:messageId, :campaignId, :phone, :body, :numberId, :parentId, :supporterId,
                            :state, :reason, :now, 1, :now, :now)
                        on conflict (message_id) do nothing""")
                .param("messageId", message.messageId())
                .param("campaignId", message.campaignId())
                .param("phone", message.phone())
                .param("body", message.body())
                .param("numberId", message.numberId())
                .param("parentId", message.parentId())
                .param("supporterId", message.supporterId())
                .param("state", state.name())
                .param("reason", reason)
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    @Override
    public Optional<LedgerEntry> claimNextDue(Instant now) {
        return jdbc.sql("""
                        update dispatch_ledger set state = 'SENDING', attempts = attempts + 1, claimed_at = :now,
                            updated_at = :now
                        where message_id = (
                            select message_id from dispatch_ledger
                            where state = 'PENDING' and next_attempt_at <= :now
                            order by next_attempt_at
                            limit 1
                            for update skip locked)
                        returning\s""" + COLUMNS)
                .param("now", Timestamp.from(now))
                .query(JdbcDispatchLedger::entry)
                .optional();
    }

    @Override
    public Optional<Instant> nextDueAt() {
        return jdbc.sql("select min(next_attempt_at) from dispatch_ledger where state = 'PENDING'")
                .query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
                .single();
    }

    @Override
    public void settleSent(String messageId, String aircallMessageId, Instant now) {
        jdbc.sql("""
                        update dispatch_ledger set state = 'SENT', aircall_message_id = :aircallId, reason = null,
                            version = version + 1, updated_at = :now
                        where message_id = :messageId""")
                .param("aircallId", aircallMessageId)
                .param("now", Timestamp.from(now))
                .param("messageId", messageId)
                .update();
    }

    @Override
    public void scheduleRetry(String messageId, Instant nextAttemptAt, String error, Instant now) {
        jdbc.sql("""
                        update dispatch_ledger set state = 'PENDING', next_attempt_at = :next, reason = :error,
                            version = version + 1, updated_at = :now
                        where message_id = :messageId""")
                .param("next", Timestamp.from(nextAttemptAt))
                .param("error", error)
                .param("now", Timestamp.from(now))
                .param("messageId", messageId)
                .update();
    }

    @Override
    public void settleFailed(String messageId, String reason, Instant now) {
        jdbc.sql("""
                        update dispatch_ledger set state = 'FAILED', reason = :reason, version = version + 1,
                            updated_at = :now
                        where message_id = :messageId""")
                .param("reason", reason)
                .param("now", Timestamp.from(now))
                .param("messageId", messageId)
                .update();
    }

    @Override
    public void release(String messageId, Instant nextAttemptAt, Instant now) {
        jdbc.sql("""
                        update dispatch_ledger set state = 'PENDING', attempts = attempts - 1, next_attempt_at = :next,
                            updated_at = :now
                        where message_id = :messageId""")
                .param("next", Timestamp.from(nextAttemptAt))
                .param("now", Timestamp.from(now))
                .param("messageId", messageId)
                .update();
    }

    @Override
    public List<LedgerEntry> stuckSending(Instant claimedBefore) {
        return jdbc.sql("select " + COLUMNS + " from dispatch_ledger where state = 'SENDING' and claimed_at < :before")
                .param("before", Timestamp.from(claimedBefore))
                .query(JdbcDispatchLedger::entry)
                .list();
    }

    @Override
    public List<LedgerEntry> unannounced(int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from dispatch_ledger
                        where announced_version < version and state <> 'SENDING'
                        order by updated_at
                        limit :limit""")
                .param("limit", limit)
                .query(JdbcDispatchLedger::entry)
                .list();
    }

    @Override
    public Optional<LedgerEntry> find(String messageId) {
        return jdbc.sql("select " + COLUMNS + " from dispatch_ledger where message_id = :messageId")
                .param("messageId", messageId)
                .query(JdbcDispatchLedger::entry)
                .optional();
    }

    @Override
    public Map<DispatchState, Long> countByState() {
        var counts = new EnumMap<DispatchState, Long>(DispatchState.class);
        for (var state : DispatchState.values()) {
            counts.put(state, 0L);
        }
        jdbc.sql("select state, count(*) from dispatch_ledger group by state")
                .query((rs, row) -> counts.put(DispatchState.valueOf(rs.getString(1)), rs.getLong(2)))
                .list();
        return counts;
    }

    @Override
    public void markAnnounced(String messageId, int version) {
        jdbc.sql("update dispatch_ledger set announced_version = :version where message_id = :messageId and announced_version < :version")
                .param("version", version)
                .param("messageId", messageId)
                .update();
    }

    private static LedgerEntry entry(ResultSet rs, int row) throws SQLException {
        var message = new OutboundMessage(
                rs.getString("message_id"),
                rs.getString("campaign_id"),
                rs.getString("phone"),
                rs.getString("body"),
                rs.getString("number_id"),
                rs.getString("parent_id"),
                rs.getString("supporter_id"));
        return new LedgerEntry(
                message,
                DispatchState.valueOf(rs.getString("state")),
                rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(),
                rs.getString("aircall_message_id"),
                rs.getString("reason"),
                rs.getInt("version"),
                rs.getTimestamp("received_at").toInstant());
    }
}
