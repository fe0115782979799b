package io.missive.console.clients.jdbc;

import io.missive.console.clients.ApiClient;
import io.missive.console.clients.ApiClients;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcApiClients implements ApiClients {

    private static final String COLUMNS = "client_id, name, scopes, expires_at, revoked_at, last_used_at, created_at, created_by";

    private final JdbcClient jdbc;

    JdbcApiClients(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean add(ApiClient client, String secretHash) {
        return jdbc.sql("insert into api_clients (" + COLUMNS + ", secret_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(client.clientId(), client.name(), String.join(" ", client.scopes().stream().sorted().toList()),
                        timestamp(client.expiresAt()), timestamp(client.revokedAt()), timestamp(client.lastUsedAt()),
                        timestamp(client.createdAt()), client.createdBy(), secretHash)
                .update() == 1;
    }

    @Override
    public Optional<ApiClient> find(String clientId) {
        return jdbc.sql("select " + COLUMNS + " from api_clients where client_id = ?").param(clientId).query(JdbcApiClients::client).optional();
    }

    @Override
    public Optional<String> secretHash(String clientId) {
        return jdbc.sql("select secret_hash from api_clients where client_id = ?").param(clientId).query(String.class).optional();
    }

    @Override
    public List<ApiClient> all() {
        return jdbc.sql("select " + COLUMNS + " from api_clients order by created_at, client_id").query(JdbcApiClients::client).list();
    }

    @Override
    public boolean revoke(String clientId, Instant at) {
        return jdbc.sql("update api_clients set revoked_at = ? where client_id = ? and revoked_at is null")
                .params(Timestamp.from(at), clientId).update() == 1;
    }

    @Override
    public void markUsed(String clientId, Instant at) {
        jdbc.sql("update api_clients set last_used_at = ? where client_id = ?").params(Timestamp.from(at), clientId).update();
    }

    private static ApiClient client(ResultSet rs, int row) throws SQLException {
        return new ApiClient(rs.getString(1), rs.getString(2), Set.copyOf(Arrays.asList(rs.getString(3).split(" "))),
                instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)),
                rs.getTimestamp(7).toInstant(), rs.getString(8));
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
