package io.missive.scheduler.guard.jdbc;

import io.missive.scheduler.guard.Finding;
import io.missive.scheduler.guard.GuardCheck;
import io.missive.scheduler.guard.GuardLists;
import io.missive.scheduler.guard.GuardMode;
import io.missive.scheduler.guard.GuardScan.Tally;
import io.missive.scheduler.guard.ListEntry;
import io.missive.scheduler.guard.ListKind;
import io.missive.scheduler.guard.review.AttemptStatus;
import io.missive.scheduler.guard.review.AttemptStore;
import io.missive.scheduler.guard.review.GuardAttempt;
import io.missive.scheduler.guard.review.GuardListStore;
import io.missive.scheduler.guard.review.ListName;
import io.missive.scheduler.program.Origin;
import io.missive.scheduler.program.ProgramCommand;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Attempts ({@code guard_attempt}) and the lists ({@code guard_list_entry}). The command is kept as the JSON of the
 * record acceptance took, so a relaunch replays exactly what was first sent.
 */
public class JdbcGuardStore implements AttemptStore, GuardListStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    public JdbcGuardStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record FindingJson(String check, String value, String mode, int messages, boolean inTemplate) {
    }

    @Override
    public long record(GuardAttempt.New attempt) {
        var findings = attempt.findings().stream().map(t -> new FindingJson(t.finding().check().label(), t.finding().value(),
                t.mode().name().toLowerCase(Locale.ROOT), t.messages(), t.inTemplate())).toList();
        var inserted = jdbc.query("""
                insert into guard_attempt (command_id, channel, status, checks, blocking, findings, overflow, command, author, created_at)
                values (?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?)
                on conflict (command_id) where status = 'pending' do nothing
                returning id""", (rs, n) -> rs.getLong(1),
                attempt.commandId(), attempt.channel().name().toLowerCase(Locale.ROOT), attempt.status().label(),
                labels(attempt.checks()), labels(attempt.blocking()), JSON.writeValueAsString(findings), attempt.overflow(),
                JSON.writeValueAsString(attempt.command()), attempt.author(), Timestamp.from(attempt.at()));
        if (!inserted.isEmpty()) {
            return inserted.getFirst();
        }
        return jdbc.queryForObject("select id from guard_attempt where command_id = ? and status = 'pending'", Long.class,
                attempt.commandId());
    }

    private String[] labels(Set<GuardCheck> checks) {
        return checks.stream().map(GuardCheck::label).sorted().toArray(String[]::new);
    }

    @Override
    public Optional<GuardAttempt> find(long id) {
        return jdbc.query("select * from guard_attempt where id = ?", ATTEMPT, id).stream().findFirst();
    }

    @Override
    public List<GuardAttempt> list(@Nullable AttemptStatus status, int offset, int limit) {
        if (status == null) {
            return jdbc.query("select * from guard_attempt order by id desc offset ? limit ?", ATTEMPT, offset, limit);
        }
        return jdbc.query("select * from guard_attempt where status = ? order by id desc offset ? limit ?", ATTEMPT,
                status.label(), offset, limit);
    }

    @Override
    public long count(@Nullable AttemptStatus status) {
        Long count = status == null ? jdbc.queryForObject("select count(*) from guard_attempt", Long.class)
                : jdbc.queryForObject("select count(*) from guard_attempt where status = ?", Long.class, status.label());
        return count == null ? 0 : count;
    }

    @Override
    public boolean decide(long id, AttemptStatus to, @Nullable String actor, Instant at) {
        return jdbc.update("update guard_attempt set status = ?, decided_by = ?, decided_at = ? where id = ? and status = 'pending'",
                to.label(), actor, Timestamp.from(at), id) == 1;
    }

    private static final RowMapper<GuardAttempt> ATTEMPT = (rs, n) -> {
        var findings = new ArrayList<Tally>();
        for (var node : JSON.readTree(rs.getString("findings"))) {
            findings.add(new Tally(new Finding(GuardCheck.valueOf(node.get("check").asString().toUpperCase(Locale.ROOT)),
                    node.get("value").asString()), GuardMode.valueOf(node.get("mode").asString().toUpperCase(Locale.ROOT)),
                    node.get("messages").asInt(), node.get("inTemplate").asBoolean()));
        }
        var decidedAt = rs.getTimestamp("decided_at");
        return new GuardAttempt(rs.getLong("id"), rs.getString("command_id"),
                Origin.Channel.valueOf(rs.getString("channel").toUpperCase(Locale.ROOT)), AttemptStatus.of(rs.getString("status")),
                checks(rs.getArray("checks")), checks(rs.getArray("blocking")), findings, rs.getInt("overflow"),
                JSON.readValue(rs.getString("command"), ProgramCommand.class), rs.getString("author"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("decided_by"), decidedAt == null ? null : decidedAt.toInstant());
    };

    private static Set<GuardCheck> checks(Array array) throws SQLException {
        var checks = EnumSet.noneOf(GuardCheck.class);
        for (var label : (String[]) array.getArray()) {
            checks.add(GuardCheck.valueOf(label.toUpperCase(Locale.ROOT)));
        }
        return checks;
    }

    @Override
    public GuardLists load() {
        var allowed = new ArrayList<ListEntry>();
        var blocked = new ArrayList<ListEntry>();
        jdbc.query("select list, kind, by_domain, value from guard_list_entry", rs -> {
            var entry = new ListEntry(ListKind.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)), rs.getString(4), rs.getBoolean(3));
            (rs.getString(1).equals(ListName.ALLOWED.label()) ? allowed : blocked).add(entry);
        });
        return new GuardLists(allowed, blocked);
    }

    @Override
    public List<StoredEntry> list(ListName list, @Nullable ListKind kind) {
        if (kind == null) {
            return jdbc.query("select * from guard_list_entry where list = ? order by id", ENTRY, list.label());
        }
        return jdbc.query("select * from guard_list_entry where list = ? and kind = ? order by id", ENTRY, list.label(), kind.label());
    }

    @Override
    public StoredEntry add(ListName list, ListEntry entry, @Nullable String actor, Instant at) {
        jdbc.update("""
                insert into guard_list_entry (list, kind, by_domain, value, created_by, created_at) values (?, ?, ?, ?, ?, ?)
                on conflict (list, kind, by_domain, value) do nothing""",
                list.label(), entry.kind().label(), entry.byDomain(), entry.value(), actor, Timestamp.from(at));
        return jdbc.queryForObject("select * from guard_list_entry where list = ? and kind = ? and by_domain = ? and value = ?",
                ENTRY, list.label(), entry.kind().label(), entry.byDomain(), entry.value());
    }

    @Override
    public Optional<StoredEntry> remove(ListName list, long id) {
        return jdbc.query("delete from guard_list_entry where list = ? and id = ? returning *", ENTRY, list.label(), id).stream().findFirst();
    }

    private static final RowMapper<StoredEntry> ENTRY = (ResultSet rs, int n) -> new StoredEntry(rs.getLong("id"),
            ListName.valueOf(rs.getString("list").toUpperCase(Locale.ROOT)),
            new ListEntry(ListKind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)), rs.getString("value"), rs.getBoolean("by_domain")),
            rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
}
