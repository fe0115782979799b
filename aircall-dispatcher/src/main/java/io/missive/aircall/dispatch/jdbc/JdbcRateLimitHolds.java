package io.missive.aircall.dispatch.jdbc;

import io.missive.aircall.dispatch.RateLimitHolds;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Holds in {@code aircall.rate_limit_hold}, one row per credentials; a later hold wins, atomically. */
public final class JdbcRateLimitHolds implements RateLimitHolds {

    private final JdbcClient jdbc;

    public JdbcRateLimitHolds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void holdUntil(String credentials, Instant until) {
        jdbc.sql("""
                        insert into rate_limit_hold (credentials, held_until) values (:credentials, :until)
                        on conflict (credentials) do update set held_until = greatest(rate_limit_hold.held_until, excluded.held_until)
                        """)
                .param("credentials", credentials)
                .param("until", Timestamp.from(until))
                .update();
    }

    @Override
    public Instant heldUntil(String credentials) {
        return jdbc.sql("select held_until from rate_limit_hold where credentials = :credentials")
                .param("credentials", credentials)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant)
                .orElse(Instant.MIN);
    }
}
