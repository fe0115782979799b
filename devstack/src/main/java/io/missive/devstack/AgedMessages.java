package io.missive.devstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Messages of a campaign sent long ago, written straight into the tracker's Events store with one
 * {@code generate_series} insert: what the retention purge finds due, for the benchmark's purge step and
 * the fault suite's purge row. A shortcut for those two only: no event, no history, no campaign counters.
 */
public final class AgedMessages {

    /** The tracker's redaction of message bodies: what makes a row due for it (TrackerRetention). */
    private static final String HOLDS_PERSONAL_DATA = "(body is not null or phone is not null)";

    private final LocalInfrastructure infrastructure;

    public AgedMessages(LocalInfrastructure infrastructure) {
        this.infrastructure = infrastructure;
    }

    /**
     * Inserts {@code count} messages of {@code campaign}, planned {@code age} ago or earlier (five seconds apart),
     * each with a phone, a body and a link; {@code finished}: DELIVERED a minute after planning, else still SENT
     * (never due, however old). Returns the rows inserted.
     */
    public int insert(String campaign, int count, Duration age, boolean finished) {
        return update("""
                insert into tracker.text_message_events (message_id, planned, campaign_id, parent_id, child_id, phone,
                    message_provider, status, spot_hit_message_id, body, segments, encoding, link_code, channel,
                    planned_at, sent_at, delivered_at, finished_at)
                select ? || ':parent:' || n, true, ?, 'parent:' || n, 'child:' || n, '+3367' || lpad(n::text, 7, '0'),
                    'spot_hit', case when ? then 1 else 2 end, ? || '-' || (n / 1000),
                    'Léa a une nouvelle vidéo : https://missive.example/r/' || lpad(n::text, 8, '0'), 1, 'GSM7',
                    lpad(n::text, 8, '0'), 'SMS', t, t + interval '20 seconds',
                    case when ? then t + interval '1 minute' end, case when ? then t + interval '1 minute' end
                from generate_series(1, ?) n
                cross join lateral (select now() - make_interval(secs => ? + n * 5) as t) planned
                """, campaign, campaign, finished, campaign, finished, finished, count, (double) age.toSeconds());
    }

    /** Messages of {@code campaign} still holding a phone or a body: those the purge has not redacted yet. */
    public int holdingPersonalData(String campaign) {
        return count("select count(*) from tracker.text_message_events where campaign_id = ? and " + HOLDS_PERSONAL_DATA,
                campaign);
    }

    /**
     * Messages of {@code campaign} redacted as the retention policy says (decision 0022): phone, body and link gone,
     * status, times, campaign and parent kept.
     */
    public int redactedAsThePolicySays(String campaign) {
        return count("""
                select count(*) from tracker.text_message_events where campaign_id = ? and phone is null and body is null
                    and link_code is null and status = 1 and parent_id is not null and planned_at is not null
                    and sent_at is not null and finished_at is not null""", campaign);
    }

    /** Vacuums and analyses the Events store, then checkpoints: a seeding's aftermath does not land in a measurement. */
    public void settle() {
        try (var connection = connect(); var statement = connection.createStatement()) {
            statement.execute("vacuum (analyze) tracker.text_message_events");
            statement.execute("checkpoint");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot vacuum the Events store", e);
        }
    }

    private int count(String sql, String campaign) {
        try (var connection = connect(); var statement = connection.prepareStatement(sql)) {
            statement.setString(1, campaign);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the Events store", e);
        }
    }

    private int update(String sql, Object... parameters) {
        try (var connection = connect(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the Events store", e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(infrastructure.jdbcUrl("missive"), infrastructure.jdbcUsername(),
                infrastructure.jdbcPassword());
    }
}
