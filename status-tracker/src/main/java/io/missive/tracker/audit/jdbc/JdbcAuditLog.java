package io.missive.tracker.audit.jdbc;

import io.missive.tracker.audit.AuditEntry;
import io.missive.tracker.audit.AuditLog;
import io.missive.tracker.audit.AuditQuery;
import io.missive.tracker.query.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** {@code audit_log}: inserted once per event id (a redelivery is ignored), never updated (the table refuses it). */
public class JdbcAuditLog implements AuditLog {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
    };
    /** Each filter is skipped when its parameter is null; an act filter matches the act or its family ({@code guard.*}). */
    private static final String WHERE = " " + """
            where (cast(? as text) is null or actor = ?)
              and (cast(? as text) is null or act = ? or act like ? escape '\\')
              and (cast(? as timestamptz) is null or at >= ?)
              and (cast(? as timestamptz) is null or at < ?)""";

    private final JdbcClient jdbc;

    public JdbcAuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int append(List<AuditEntry> entries) {
        int added = 0;
        for (var entry : entries) {
            added += jdbc.sql("""
                            insert into audit_log (event_id, actor, act, target, details, at, from_addr, service)
                            values (?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)
                            on conflict (event_id) do nothing""")
                    .params(entry.id(), entry.actor(), entry.act(), entry.target(), JSON.writeValueAsString(entry.details()),
                            Timestamp.from(entry.at()), entry.from(), entry.service())
                    .update();
        }
        return added;
    }

    @Override
    public Page<AuditEntry> find(AuditQuery query) {
        var family = query.act() == null ? null : query.act().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + ".%";
        var from = query.from() == null ? null : Timestamp.from(query.from());
        var until = query.until() == null ? null : Timestamp.from(query.until());
        Object[] filters = {query.actor(), query.actor(), query.act(), query.act(), family, from, from, until, until};
        var items = jdbc.sql("select event_id, actor, act, target, details, at, from_addr, service from audit_log" + WHERE
                        + " order by at desc, event_id limit ? offset ?")
                .params(concat(filters, query.size(), (long) query.page() * query.size()))
                .query((rows, i) -> entry(rows))
                .list();
        long total = jdbc.sql("select count(*) from audit_log" + WHERE).params(filters).query(Long.class).single();
        return new Page<>(items, query.page(), query.size(), total);
    }

    private static Object[] concat(Object[] filters, Object... more) {
        var all = java.util.Arrays.copyOf(filters, filters.length + more.length);
        System.arraycopy(more, 0, all, filters.length, more.length);
        return all;
    }

    private static AuditEntry entry(ResultSet rows) throws SQLException {
        return new AuditEntry(rows.getString("event_id"), rows.getString("actor"), rows.getString("act"), rows.getString("target"),
                JSON.readValue(rows.getString("details"), DETAILS), rows.getTimestamp("at").toInstant(), rows.getString("from_addr"),
                rows.getString("service"));
    }
}
