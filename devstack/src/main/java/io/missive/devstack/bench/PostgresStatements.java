package io.missive.devstack.bench;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's own profile of a run, from {@code pg_stat_statements}: which statements took the
 * database's time, so the report names the queries that bound a stage. The devstack's PostgreSQL
 * preloads the module; without it, the report says so and carries on.
 */
final class PostgresStatements {

    private final String jdbcUrl;
    private final String user;
    private final String password;

    PostgresStatements(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** Starts counting from zero; false when the module is not loaded. */
    boolean reset() {
        try (var connection = DriverManager.getConnection(jdbcUrl, user, password);
             var statement = connection.createStatement()) {
            statement.execute("create extension if not exists pg_stat_statements");
            statement.execute("select pg_stat_statements_reset()");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** The statements that took the most execution time since {@link #reset}, across all databases and schemas. */
    List<BenchReport.Statement> top(int count) {
        var top = new ArrayList<BenchReport.Statement>();
        try (var connection = DriverManager.getConnection(jdbcUrl, user, password);
             var statement = connection.prepareStatement("""
                     select regexp_replace(query, '\\s+', ' ', 'g'), calls, rows, total_exec_time
                     from pg_stat_statements order by total_exec_time desc limit ?""")) {
            statement.setInt(1, count);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    var query = rows.getString(1);
                    top.add(new BenchReport.Statement(query.length() > 160 ? query.substring(0, 157) + "..." : query,
                            rows.getLong(2), rows.getLong(3), Benchmark.round(rows.getDouble(4) / 1000),
                            Benchmark.round(rows.getDouble(4) / Math.max(1, rows.getLong(2)))));
                }
            }
        } catch (SQLException e) {
            top.add(BenchReport.Statement.unavailable("pg_stat_statements unavailable: " + e.getMessage()));
        }
        return top;
    }
}
