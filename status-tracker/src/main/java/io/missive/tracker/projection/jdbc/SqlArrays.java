package io.missive.tracker.projection.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Set-based statements: a whole batch goes to PostgreSQL as a few arrays ({@code unnest(?::text[], …)}),
 * so a batch of thousands of events costs a handful of round trips.
 */
final class SqlArrays {

    private final JdbcTemplate jdbc;

    SqlArrays(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rows) throws SQLException;
    }

    int update(String sql, Object... args) {
        Integer count = jdbc.execute((ConnectionCallback<Integer>) connection -> {
            try (var statement = prepare(connection, sql, args)) {
                return statement.executeUpdate();
            }
        });
        return count == null ? 0 : count;
    }

    <T> List<T> query(String sql, Row<T> row, Object... args) {
        return jdbc.execute((ConnectionCallback<List<T>>) connection -> {
            try (var statement = prepare(connection, sql, args); var rows = statement.executeQuery()) {
                var result = new ArrayList<T>();
                while (rows.next()) {
                    result.add(row.map(rows));
                }
                return result;
            }
        });
    }

    /** The SQL for a timestamp sent as epoch milliseconds in {@code column} (an {@code int8[]} unnested). */
    static String timestamp(String column) {
        return "timestamptz 'epoch' + " + column + " * interval '1 millisecond'";
    }

    /** One {@code text[]} column of a batch's rows. */
    static <T> String[] texts(Collection<T> rows, Function<T, ? extends @Nullable Object> column) {
        return rows.stream().map(row -> {
            var value = column.apply(row);
            return value == null ? null : value.toString();
        }).toArray(String[]::new);
    }

    /** One {@code int8[]} column of epoch milliseconds. */
    static <T> Long[] millis(Collection<T> rows, Function<T, Instant> column) {
        return rows.stream().map(row -> column.apply(row).toEpochMilli()).toArray(Long[]::new);
    }

    static @Nullable Instant instant(ResultSet rows, int column) throws SQLException {
        var value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... args) throws SQLException {
        var statement = connection.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            var arg = args[i];
            var value = switch (arg) {
                case String[] texts -> connection.createArrayOf("text", texts);
                case Long[] longs -> connection.createArrayOf("int8", longs);
                case Integer[] ints -> connection.createArrayOf("int4", ints);
                case Boolean[] booleans -> connection.createArrayOf("bool", booleans);
                default -> arg;
            };
            statement.setObject(i + 1, value);
        }
        return statement;
    }
}
