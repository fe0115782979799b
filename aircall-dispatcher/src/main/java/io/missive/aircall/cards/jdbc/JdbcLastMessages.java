package io.missive.aircall.cards.jdbc;

import io.missive.aircall.cards.LastMessage;
import io.missive.aircall.cards.LastMessages;
import io.missive.aircall.dispatch.DispatchState;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The last message to a phone in {@code aircall.dispatch_ledger} (index {@code dispatch_ledger_phone}). */
public final class JdbcLastMessages implements LastMessages {

    private final JdbcClient jdbc;

    public JdbcLastMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<LastMessage> lastTo(String e164) {
        return jdbc.sql("select body, state, received_at from dispatch_ledger where phone = :phone order by received_at desc limit 1")
                .param("phone", e164)
                .query((rs, row) -> new LastMessage(rs.getString("body"), DispatchState.valueOf(rs.getString("state")),
                        rs.getTimestamp("received_at").toInstant()))
                .optional();
    }
}
