package io.missive.aircall.cards.jdbc;

import io.missive.aircall.cards.CardQueue;
import io.missive.aircall.cards.InsightCard;
import io.missive.aircall.cards.PendingCard;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cards in {@code aircall.insight_card}, one row per call: a second announcement of the same
 * call is ignored, and a claim ({@code FOR UPDATE SKIP LOCKED}) gives a card to one replica only.
 */
public final class JdbcCardQueue implements CardQueue {

    private static final Duration KEPT = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public JdbcCardQueue(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public boolean add(String callId, InsightCard card, Instant deadline, Instant now) {
        return jdbc.sql("""
                        insert into insight_card (call_id, contents, state, deadline, next_attempt_at, received_at, updated_at)
                        values (:call, :contents, 'PENDING', :deadline, :now, :now, :now)
                        on conflict (call_id) do nothing
                        """)
                .param("call", callId)
                .param("contents", json.writeValueAsString(card))
                .param("deadline", Timestamp.from(deadline))
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    @Override
    public Optional<PendingCard> claimNext(Instant now) {
        return jdbc.sql("""
                        update insight_card set state = 'POSTING', claimed_at = :now, attempts = attempts + 1, updated_at = :now
                        where call_id = (select call_id from insight_card
                                         where state = 'PENDING' and next_attempt_at <= :now and deadline > :now
                                         order by deadline limit 1 for update skip locked)
                        returning call_id, contents, deadline, attempts
                        """)
                .param("now", Timestamp.from(now))
                .query((rs, row) -> new PendingCard(rs.getString("call_id"), json.readValue(rs.getString("contents"), InsightCard.class),
                        rs.getTimestamp("deadline").toInstant(), rs.getInt("attempts")))
                .optional();
    }

    @Override
    public void posted(String callId, Instant now) {
        settle(callId, "POSTED", null, now);
    }

    @Override
    public void retryAt(String callId, Instant at, @Nullable String reason, Instant now) {
        jdbc.sql("""
                        update insight_card set state = 'PENDING', next_attempt_at = :at, claimed_at = null,
                               reason = coalesce(:reason, reason), updated_at = :now
                        where call_id = :call
                        """)
                .param("call", callId)
                .param("at", Timestamp.from(at))
                .param("reason", reason)
                .param("now", Timestamp.from(now))
                .update();
    }

    @Override
    public void failed(String callId, String reason, Instant now) {
        settle(callId, "FAILED", reason, now);
    }

    @Override
    public void dropped(String callId, String reason, Instant now) {
        settle(callId, "DROPPED", reason, now);
    }

    private void settle(String callId, String state, @Nullable String reason, Instant now) {
        jdbc.sql("update insight_card set state = :state, reason = coalesce(:reason, reason), claimed_at = null, updated_at = :now where call_id = :call")
                .param("call", callId)
                .param("state", state)
                .param("reason", reason)
                .param("now", Timestamp.from(now))
                .update();
    }

    @Override
    public List<String> dropExpired(Instant now, Instant postingBefore) {
        // A day on, no webhook will announce the call again: the card (names) is not kept longer.
        jdbc.sql("delete from insight_card where state in ('POSTED', 'DROPPED', 'FAILED') and deadline < :dayAgo")
                .param("dayAgo", Timestamp.from(now.minus(KEPT)))
                .update();
        return jdbc.sql("""
                        update insight_card set state = 'DROPPED', reason = 'EXPIRED', claimed_at = null, updated_at = :now
                        where (state = 'PENDING' and deadline <= :now) or (state = 'POSTING' and claimed_at < :postingBefore)
                        returning call_id
                        """)
                .param("now", Timestamp.from(now))
                .param("postingBefore", Timestamp.from(postingBefore))
                .query(String.class)
                .list();
    }
}
