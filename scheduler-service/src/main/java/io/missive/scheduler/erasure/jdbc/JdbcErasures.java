package io.missive.scheduler.erasure.jdbc;

import io.missive.schemas.erasure.Erasures;
import io.missive.schemas.phones.PhoneHash;
import io.missive.scheduler.erasure.ErasureRequest;
import io.missive.scheduler.erasure.ErasureStore;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The erasure in the scheduler's schema. campaign_message has no index on parent or phone (acceptance writes it in
 * bulk and stays lean); an erasure is rare and runs on the command consumer, so it scans.
 */
public class JdbcErasures implements ErasureStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public JdbcErasures(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public Optional<String> erasureOf(String parentId) {
        return jdbc.queryForList("select erasure_id from erased_parent where parent_id = ?", String.class, parentId).stream().findFirst();
    }

    @Override
    public boolean knows(String parentId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from directory_parent where id = ?) or exists (select 1 from campaign_message where parent_id = ?)""",
                Boolean.class, parentId, parentId));
    }

    @Override
    public List<String> phonesOf(String parentId) {
        var phones = new LinkedHashSet<String>();
        phones.addAll(jdbc.queryForList("select phone from directory_parent where id = ? and phone is not null", String.class, parentId));
        phones.addAll(jdbc.queryForList("select distinct phone from campaign_message where parent_id = ? and phone <> ''", String.class, parentId));
        return List.copyOf(phones);
    }

    @Override
    public Outcome erase(ErasureRequest request) {
        var parentId = request.parentId();
        var phones = request.phones().toArray(String[]::new);
        return Objects.requireNonNull(tx.execute(status -> {
            var removed = new LinkedHashMap<String, Long>();
            jdbc.update("insert into erased_parent (parent_id, erasure_id, erased_at) values (?, ?, ?) on conflict (parent_id) do nothing",
                    parentId, request.erasureId(), Timestamp.from(request.requestedAt()));
            var children = jdbc.queryForList("select id from directory_child where parent_id = ?", String.class, parentId);
            removed.put("directory_child", (long) jdbc.update("delete from directory_child where parent_id = ?", parentId));
            jdbc.update("delete from directory_parent_tag where parent_id = ?", parentId);
            removed.put("directory_parent_variable", (long) jdbc.update("delete from directory_parent_variable where parent_id = ?", parentId));
            removed.put("directory_parent", (long) jdbc.update("delete from directory_parent where id = ?", parentId));

            // The campaigns' locks first: a publication in progress finishes its batch, so its cursor is then exact.
            jdbc.queryForList("""
                    select command_id from campaign where state = 'PLANNED' and command_id in (
                        select command_id from campaign_message where parent_id = ? or phone = any(?))
                    order by command_id for update""", String.class, parentId, phones);
            var cancelled = jdbc.query("""
                    update campaign_message m set failure = ?
                    from campaign c
                    where c.command_id = m.command_id and c.state = 'PLANNED' and m.seq > c.published_seq and m.failure is null
                      and (m.parent_id = ? or m.phone = any(?))
                    returning m.message_id, c.provider""",
                    (rs, n) -> new Cancelled(rs.getString(1), rs.getString(2)), Erasures.REASON, parentId, phones);
            removed.put("campaign_message (cancelled)", (long) cancelled.size());
            removed.put("campaign_message", (long) jdbc.update("""
                    update campaign_message set phone = '', body = '', recipient_key = 'erased', parent_id = null, child_id = null,
                        link_code = null, v_prenom_enfant = null, v_url = null, v_prenom_accompagnante = null,
                        v_numero_aircall_accompagnante = null, v_parent_security_token = null, v_parent_address = null, v_custom = null
                    where parent_id = ? or phone = any(?)""", parentId, phones));
            var recipients = new ArrayList<String>(List.of(phones));
            recipients.add("parent." + parentId);
            children.forEach(child -> recipients.add("child." + child));
            removed.put("campaign_drop", (long) jdbc.update("delete from campaign_drop where recipient = any(?)",
                    (Object) recipients.toArray(String[]::new)));
            long guard = 0;
            for (var phone : phones) {
                guard += jdbc.update("""
                        update guard_attempt set command = replace(command::text, ?, '')::jsonb, findings = replace(findings::text, ?, '')::jsonb
                        where strpos(command::text, ?) > 0 or strpos(findings::text, ?) > 0""", phone, phone, phone, phone);
                guard += jdbc.update("delete from guard_list_entry where kind = 'phone' and value = ?", phone);
                // A STOP outlives the erasure, as the phone's hash only.
                var hash = PhoneHash.of(phone);
                jdbc.update("delete from opt_out where phone = ? and exists (select 1 from opt_out where phone = ?)", phone, hash);
                removed.merge("opt_out (hashed)", (long) jdbc.update("update opt_out set phone = ? where phone = ?", hash, phone), Long::sum);
            }
            removed.put("guard", guard);
            return new Outcome(removed, cancelled);
        }));
    }
}
