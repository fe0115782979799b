package io.missive.scheduler.directory.jdbc;

import io.missive.scheduler.directory.Directory;
import io.missive.scheduler.directory.DirectoryLookup;
import io.missive.scheduler.directory.DirectoryMatch;
import io.missive.scheduler.directory.DirectoryNames;
import io.missive.scheduler.directory.SearchKind;
import io.missive.scheduler.directory.Directory.Child;
import io.missive.scheduler.directory.Directory.Group;
import io.missive.schemas.phones.PhoneHash;
import io.missive.schemas.phones.PhoneNumbers;
import io.missive.scheduler.directory.Directory.Parent;
import io.missive.scheduler.directory.Directory.RedirectionTarget;
import io.missive.scheduler.directory.Directory.Supporter;
import io.missive.scheduler.directory.DirectoryStore;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The directory projection in PostgreSQL. Writes are set-based upserts from arrays
 * ({@code insert ... select from unnest(...)}), one statement per kind and chunk, which is what makes a
 * 100,000-parent import take seconds; reads take id arrays ({@code = any(?)}), one query per kind.
 */
public class JdbcDirectory implements DirectoryStore, DirectoryLookup, DirectoryNames {

    private static final int CHUNK = 20_000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public JdbcDirectory(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void apply(Directory.Changes changes) {
        tx.executeWithoutResult(status -> {
            for (var chunk : chunks(lastById(changes.parents(), Parent::id))) {
                upsertParents(chunk);
            }
            for (var chunk : chunks(lastById(changes.children(), Child::id))) {
                update("""
                        insert into directory_child (id, first_name, parent_id, group_id)
                        select * from unnest(?::text[], ?::text[], ?::text[], ?::text[])
                        on conflict (id) do update set first_name = excluded.first_name,
                            parent_id = excluded.parent_id, group_id = excluded.group_id""",
                        column(chunk, Child::id), column(chunk, Child::firstName), column(chunk, Child::parentId),
                        column(chunk, Child::groupId));
            }
            for (var chunk : chunks(lastById(changes.groups(), Group::id))) {
                update("""
                        insert into directory_group (id, name, status) select * from unnest(?::text[], ?::text[], ?::text[])
                        on conflict (id) do update set name = excluded.name, status = excluded.status""",
                        column(chunk, Group::id), column(chunk, Group::name), column(chunk, Group::status));
            }
            for (var chunk : chunks(lastById(changes.supporters(), Supporter::id))) {
                update("""
                        insert into directory_supporter (id, first_name, aircall_number, aircall_number_id)
                        select * from unnest(?::text[], ?::text[], ?::text[], ?::text[])
                        on conflict (id) do update set first_name = excluded.first_name,
                            aircall_number = excluded.aircall_number, aircall_number_id = excluded.aircall_number_id""",
                        column(chunk, Supporter::id), column(chunk, Supporter::firstName),
                        column(chunk, Supporter::aircallNumber), column(chunk, Supporter::aircallNumberId));
            }
            for (var chunk : chunks(lastById(changes.tags(), Directory.Tag::id))) {
                update("""
                        insert into directory_tag (id, name) select * from unnest(?::text[], ?::text[])
                        on conflict (id) do update set name = excluded.name""",
                        column(chunk, Directory.Tag::id), column(chunk, Directory.Tag::name));
            }
            for (var chunk : chunks(lastById(changes.redirectionTargets(), RedirectionTarget::id))) {
                update("""
                        insert into directory_redirection (id, url, name) select * from unnest(?::text[], ?::text[], ?::text[])
                        on conflict (id) do update set url = excluded.url, name = excluded.name""",
                        column(chunk, RedirectionTarget::id), column(chunk, RedirectionTarget::url),
                        column(chunk, RedirectionTarget::name));
            }
            deleteKeys(changes.deletedKeys());
            forgetErased(changes);
        });
    }

    private void upsertParents(List<Parent> chunk) {
        var ids = column(chunk, Parent::id);
        // The phone is checked once here, not at each resolution (decision 0113); a writer's validPhone is never trusted.
        update("""
                insert into directory_parent (id, phone, valid_phone, first_name, security_token, address, supporter_id)
                select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                on conflict (id) do update set phone = excluded.phone, valid_phone = excluded.valid_phone,
                    first_name = excluded.first_name, security_token = excluded.security_token, address = excluded.address,
                    supporter_id = excluded.supporter_id""",
                ids, column(chunk, Parent::phone), column(chunk, p -> PhoneNumbers.toE164(p.phone()).orElse(null)),
                column(chunk, Parent::firstName), column(chunk, Parent::securityToken),
                column(chunk, Parent::address), column(chunk, Parent::supporterId));
        update("delete from directory_parent_tag where parent_id = any(?::text[])", (Object) ids);
        var tagParents = new ArrayList<String>();
        var tagIds = new ArrayList<String>();
        for (var parent : chunk) {
            for (var tag : Set.copyOf(parent.tagIds())) {
                tagParents.add(parent.id());
                tagIds.add(tag);
            }
        }
        if (!tagIds.isEmpty()) {
            update("insert into directory_parent_tag (parent_id, tag_id) select * from unnest(?::text[], ?::text[])",
                    tagParents.toArray(String[]::new), tagIds.toArray(String[]::new));
        }
        update("delete from directory_parent_variable where parent_id = any(?::text[])", (Object) ids);
        var variableParents = new ArrayList<String>();
        var names = new ArrayList<String>();
        var values = new ArrayList<String>();
        for (var parent : chunk) {
            parent.variables().forEach((name, value) -> {
                variableParents.add(parent.id());
                names.add(name);
                values.add(value);
            });
        }
        if (!names.isEmpty()) {
            update("insert into directory_parent_variable (parent_id, name, value) select * from unnest(?::text[], ?::text[], ?::text[])",
                    variableParents.toArray(String[]::new), names.toArray(String[]::new), values.toArray(String[]::new));
        }
    }

    private void deleteKeys(List<String> keys) {
        var byKind = new HashMap<String, List<String>>();
        for (var key : keys) {
            int colon = key.indexOf(':');
            if (colon > 0) {
                byKind.computeIfAbsent(key.substring(0, colon), k -> new ArrayList<>()).add(key.substring(colon + 1));
            }
        }
        byKind.forEach((kind, ids) -> {
            var array = ids.toArray(String[]::new);
            switch (kind) {
                case "parent" -> {
                    update("delete from directory_parent_tag where parent_id = any(?::text[])", (Object) array);
                    update("delete from directory_parent_variable where parent_id = any(?::text[])", (Object) array);
                    update("delete from directory_parent where id = any(?::text[])", (Object) array);
                }
                case "child" -> update("delete from directory_child where id = any(?::text[])", (Object) array);
                case "group" -> update("delete from directory_group where id = any(?::text[])", (Object) array);
                case "supporter" -> update("delete from directory_supporter where id = any(?::text[])", (Object) array);
                case "tag" -> update("delete from directory_tag where id = any(?::text[])", (Object) array);
                case "redirection" -> update("delete from directory_redirection where id = any(?::text[])", (Object) array);
                default -> { }
            }
        });
    }

    /**
     * A record replayed for a parent erased on request (or for one of their children) is not kept: the erasure
     * outlives the directory's history (docs/decisions/0022).
     */
    private void forgetErased(Directory.Changes changes) {
        if (!changes.parents().isEmpty()) {
            var ids = column(changes.parents(), Parent::id);
            update("delete from directory_parent_tag where parent_id = any(?::text[]) and parent_id in (select parent_id from erased_parent)", (Object) ids);
            update("delete from directory_parent_variable where parent_id = any(?::text[]) and parent_id in (select parent_id from erased_parent)", (Object) ids);
            update("delete from directory_parent where id = any(?::text[]) and id in (select parent_id from erased_parent)", (Object) ids);
        }
        if (!changes.children().isEmpty()) {
            update("delete from directory_child where id = any(?::text[]) and parent_id in (select parent_id from erased_parent)",
                    (Object) column(changes.children(), Child::id));
        }
    }

    @Override
    public void optOut(Collection<String> phones) {
        if (!phones.isEmpty()) {
            update("insert into opt_out (phone) select distinct unnest(?::text[]) on conflict (phone) do nothing",
                    (Object) phones.toArray(String[]::new));
        }
    }

    @Override
    public void optIn(Collection<String> phones) {
        if (!phones.isEmpty()) {
            update("delete from opt_out where phone = any(?::text[])", (Object) phones.toArray(String[]::new));
        }
    }

    @Override
    public Map<String, Parent> parents(Collection<String> ids) {
        var variables = new HashMap<String, Map<String, String>>();
        query("select v.parent_id, v.name, v.value from directory_parent_variable v join unnest(?::text[]) u(id) on v.parent_id = u.id",
                (rs, n) -> variables.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3)), ids);
        return byId(query("select p.id, p.phone, p.first_name, p.security_token, p.address, p.supporter_id, p.valid_phone"
                        + " from directory_parent p join unnest(?::text[]) u(id) on p.id = u.id",
                (rs, n) -> new Parent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        List.of(), rs.getString(6), variables.getOrDefault(rs.getString(1), Map.of()), rs.getString(7)), ids), Parent::id);
    }

    @Override
    public boolean declared(String variable) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from directory_parent_variable where name = ?)", Boolean.class, variable));
    }

    @Override
    public Map<String, Long> declaredVariables() {
        var counts = new java.util.TreeMap<String, Long>();
        // Kept by triggers as the variables are written (V12): a few rows, not a count over every parent.
        jdbc.query("select name, parents from directory_variable_count where parents > 0",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> counts.put(rs.getString(1), rs.getLong(2)));
        return counts;
    }

    @Override
    public List<String> parentIdsWithTag(String tagId, @Nullable String afterParentId, int limit) {
        // Two statements rather than "? is null or ...", so that each plan is a range scan of the (tag_id, parent_id) index.
        return afterParentId == null
                ? jdbc.queryForList("select parent_id from directory_parent_tag where tag_id = ? order by parent_id limit ?",
                        String.class, tagId, limit)
                : jdbc.queryForList("select parent_id from directory_parent_tag where tag_id = ? and parent_id > ? order by parent_id limit ?",
                        String.class, tagId, afterParentId, limit);
    }

    private static final RowMapper<Child> CHILD = (rs, n) -> new Child(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));

    @Override
    public Map<String, Child> children(Collection<String> ids) {
        return byId(query("select c.id, c.first_name, c.parent_id, c.group_id from directory_child c join unnest(?::text[]) u(id) on c.id = u.id", CHILD, ids), Child::id);
    }

    @Override
    public Map<String, List<Child>> childrenOfParents(Collection<String> parentIds) {
        return grouped(query("select c.id, c.first_name, c.parent_id, c.group_id from directory_child c join unnest(?::text[]) u(id) on c.parent_id = u.id",
                CHILD, parentIds), Child::parentId);
    }

    @Override
    public Map<String, List<Child>> childrenOfGroups(Collection<String> groupIds) {
        return grouped(query("select c.id, c.first_name, c.parent_id, c.group_id from directory_child c join unnest(?::text[]) u(id) on c.group_id = u.id",
                CHILD, groupIds), Child::groupId);
    }

    @Override
    public Map<String, Integer> childCountsOfGroups(Collection<String> groupIds) {
        var counts = new HashMap<String, Integer>();
        query("select c.group_id, count(*) from directory_child c join unnest(?::text[]) u(id) on c.group_id = u.id group by c.group_id",
                (rs, n) -> counts.put(rs.getString(1), rs.getInt(2)), groupIds);
        return counts;
    }

    /** {@code collate "C"} orders by code point, as {@link String#compareTo} does for ids without surrogate pairs. */
    @Override
    public List<Child> childrenOfGroup(String groupId, @Nullable String afterChildId, int limit) {
        return afterChildId == null
                ? jdbc.query("""
                        select id, first_name, parent_id, group_id from directory_child
                        where group_id = ? order by id collate "C" limit ?""", CHILD, groupId, limit)
                : jdbc.query("""
                        select id, first_name, parent_id, group_id from directory_child
                        where group_id = ? and id collate "C" > ? order by id collate "C" limit ?""", CHILD, groupId, afterChildId, limit);
    }

    @Override
    public Map<String, Group> groups(Collection<String> ids) {
        return byId(query("select id, name, status from directory_group where id = any(?::text[])",
                (rs, n) -> new Group(rs.getString(1), rs.getString(2), rs.getString(3)), ids), Group::id);
    }

    @Override
    public Map<String, Supporter> supporters(Collection<String> ids) {
        return byId(query("select id, first_name, aircall_number, aircall_number_id from directory_supporter where id = any(?::text[])",
                (rs, n) -> new Supporter(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), ids), Supporter::id);
    }

    @Override
    public Optional<RedirectionTarget> redirectionTarget(String id) {
        return query("select id, url, name from directory_redirection where id = any(?::text[])",
                (rs, n) -> new RedirectionTarget(rs.getString(1), rs.getString(2), rs.getString(3)), List.of(id))
                .stream().findFirst();
    }

    @Override
    public Set<String> optedOut(Collection<String> phones) {
        // An erased parent's STOP is kept as the phone's hash: a phone matches by itself or by its hash.
        // The phones are E.164 already (resolution normalised them), so they are hashed as they are.
        var distinct = new java.util.LinkedHashSet<>(phones);
        var byHash = new java.util.HashMap<String, String>();
        distinct.forEach(phone -> byHash.put(PhoneHash.ofE164(phone), phone));
        var keys = new java.util.ArrayList<String>(distinct);
        keys.addAll(byHash.keySet());
        var found = new HashSet<String>();
        for (var key : query("select o.phone from opt_out o join unnest(?::text[]) u(phone) on o.phone = u.phone", (rs, n) -> rs.getString(1), keys)) {
            found.add(byHash.getOrDefault(key, key));
        }
        return found;
    }

    @Override
    public @Nullable DirectoryMatch withId(SearchKind kind, String id) {
        return jdbc.query("select id, %s from %s where id = ?".formatted(nameColumn(kind), table(kind)), match(kind), id)
                .stream().findFirst().orElse(null);
    }

    /**
     * A range of the {@code directory_fold(name) collate "C"} index rather than {@code like 'text%'}: a range is an index
     * scan in a generic plan too (a prepared statement's), where a LIKE pattern given as a parameter is not.
     */
    @Override
    public List<DirectoryMatch> startingWith(SearchKind kind, String text, int limit) {
        var folded = "directory_fold(%s) collate \"C\"".formatted(nameColumn(kind));
        return jdbc.query("""
                select id, %2$s from %3$s
                where %1$s >= directory_fold(?) and %1$s < directory_fold(?) || chr(1114111)
                order by %1$s, id limit ?""".formatted(folded, nameColumn(kind), table(kind)), match(kind), text, text, limit);
    }

    /** Through the trigram index on the folded name (V10); the text's own {@code %}, {@code _} and {@code \\} are literal. */
    @Override
    public List<DirectoryMatch> containing(SearchKind kind, String text, int limit) {
        var literal = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return jdbc.query("select id, %1$s from %2$s where directory_fold(%1$s) like '%%' || directory_fold(?) || '%%' limit ?"
                .formatted(nameColumn(kind), table(kind)), match(kind), literal, limit);
    }

    private static RowMapper<DirectoryMatch> match(SearchKind kind) {
        return (rs, n) -> new DirectoryMatch(kind, rs.getString(1), rs.getString(2), List.of());
    }

    private static String table(SearchKind kind) {
        return switch (kind) {
            case GROUP -> "directory_group";
            case TAG -> "directory_tag";
            case PARENT -> "directory_parent";
            case CHILD -> "directory_child";
        };
    }

    private static String nameColumn(SearchKind kind) {
        return switch (kind) {
            case GROUP, TAG -> "name";
            case PARENT, CHILD -> "first_name";
        };
    }

    /** Ids are distinct (callers pass sets or distinct keys), so joining on {@code unnest} returns each row once. */
    private <T> List<T> query(String sql, RowMapper<T> mapper, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var array = new java.util.LinkedHashSet<>(ids).toArray(String[]::new);
        return jdbc.query(con -> {
            PreparedStatement statement = con.prepareStatement(sql);
            statement.setArray(1, con.createArrayOf("text", array));
            return statement;
        }, mapper);
    }

    /** Runs a statement whose parameters are arrays (String[] → text[], Integer[] → int[]). */
    private void update(String sql, Object... arrays) {
        jdbc.execute((ConnectionCallback<Integer>) con -> {
            try (PreparedStatement statement = con.prepareStatement(sql)) {
                for (int i = 0; i < arrays.length; i++) {
                    statement.setArray(i + 1, toSqlArray(con, arrays[i]));
                }
                return statement.executeUpdate();
            }
        });
    }

    static Array toSqlArray(Connection con, Object array) throws SQLException {
        return array instanceof Integer[] ints ? con.createArrayOf("int4", ints) : con.createArrayOf("text", (Object[]) array);
    }

    private static <T> String[] column(List<T> rows, Function<T, @Nullable String> field) {
        var values = new String[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = field.apply(rows.get(i));
        }
        return values;
    }

    private static <T> Collection<T> lastById(List<T> rows, Function<T, String> id) {
        var last = new LinkedHashMap<String, T>();
        rows.forEach(row -> last.put(id.apply(row), row));
        return last.values();
    }

    private static <T> List<List<T>> chunks(Collection<T> rows) {
        var list = List.copyOf(rows);
        var chunks = new ArrayList<List<T>>();
        for (int from = 0; from < list.size(); from += CHUNK) {
            chunks.add(list.subList(from, Math.min(list.size(), from + CHUNK)));
        }
        return chunks;
    }

    private static <T> Map<String, T> byId(List<T> rows, Function<T, String> id) {
        var map = new HashMap<String, T>();
        rows.forEach(row -> map.put(id.apply(row), row));
        return map;
    }

    private static <T> Map<String, List<T>> grouped(List<T> rows, Function<T, @Nullable String> key) {
        var map = new HashMap<String, List<T>>();
        rows.forEach(row -> {
            var k = key.apply(row);
            if (k != null) {
                map.computeIfAbsent(k, x -> new ArrayList<>()).add(row);
            }
        });
        return map;
    }
}
