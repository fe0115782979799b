package io.missive.tracker.erasure.jdbc;

import io.missive.schemas.phones.PhoneHash;
import io.missive.tracker.erasure.Confirmation;
import io.missive.tracker.erasure.ErasureStore;
import io.missive.tracker.erasure.ParentErasure;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The erasure in the tracker's schema: one transaction per request, statements keyed by parent id and phones. */
public class JdbcErasures implements ErasureStore {

    /**
     * What an erased parent's message keeps none of (a SET clause of {@code text_message_events}): statistics survive
     * (status, times, campaign, provider ids), what names or reaches the person does not. The projection leaves a plan
     * read after the erasure the same way.
     */
    public static final String ERASED_MESSAGE = "phone = null, body = null, link_code = null, parent_id = null, child_id = null";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public JdbcErasures(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public Map<String, Long> erase(ParentErasure request) {
        var phones = request.phones().toArray(String[]::new);
        var hashes = request.phones().stream().map(PhoneHash::of).toArray(String[]::new);
        return Objects.requireNonNull(tx.execute(status -> {
            jdbc.update("""
                    insert into erasure_request (erasure_id, parent_id, author, reason, requested_at) values (?, ?, ?, ?, ?)
                    on conflict (erasure_id) do nothing""",
                    request.erasureId(), request.parentId(), request.author(), request.reason(), Timestamp.from(request.requestedAt()));
            var removed = new LinkedHashMap<String, Long>();
            // Statistics survive (status, times, campaign, provider ids); what names or reaches the person does not.
            removed.put("text_message_events", (long) jdbc.update("""
                    update text_message_events set %s
                    where parent_id = ? or phone = any(?)""".formatted(ERASED_MESSAGE), request.parentId(), phones));
            removed.put("aircall_messages", (long) jdbc.update("""
                    delete from aircall_messages where direction = 'inbound' and (parent_id = ? or phone = any(?))""",
                    request.parentId(), phones)
                    + jdbc.update("""
                    update aircall_messages set phone = null, body = null, parent_id = null
                    where direction <> 'inbound' and (parent_id = ? or phone = any(?))""", request.parentId(), phones));
            // The replies' ties to parents and supporters (decision 0505) go with the replies, and the parent's line in
            // the tracker's copy of the directory with the parent (its tombstone does the same, but may come later).
            removed.put("inbound_reads", (long) jdbc.update("""
                    delete from inbound_reads where event_id in (select event_id from inbound_parents where parent_id = ?)
                       or event_id in (select event_id from inbound_messages where phone = any(?))""", request.parentId(), phones));
            removed.put("inbound_parents", (long) jdbc.update("""
                    delete from inbound_parents where parent_id = ?
                       or event_id in (select event_id from inbound_messages where phone = any(?))""", request.parentId(), phones));
            removed.put("call_parents", (long) jdbc.update("delete from call_parents where parent_id = ?", request.parentId()));
            removed.put("directory_parents", (long) jdbc.update("delete from directory_parents where parent_id = ? or phone = any(?)",
                    request.parentId(), phones));
            removed.put("inbound_messages", (long) jdbc.update("delete from inbound_messages where phone = any(?)", (Object) phones));
            removed.put("provider_receipts", (long) jdbc.update("delete from provider_receipts where phone = any(?)", (Object) phones));
            removed.put("aircall_calls", (long) jdbc.update("update aircall_calls set phone = null where phone = any(?)", (Object) phones));
            // A STOP outlives the erasure: the opt-out and its history keep the phone's hash and nothing else of it.
            jdbc.update("""
                    delete from opt_outs o using unnest(?::text[], ?::text[]) u(phone, hash)
                    where o.phone = u.phone and exists (select 1 from opt_outs h where h.phone = u.hash)""", phones, hashes);
            long optOuts = 0;
            for (int i = 0; i < phones.length; i++) {
                optOuts += jdbc.update("update opt_outs set phone = ?, author = null where phone = ?", hashes[i], phones[i]);
                optOuts += jdbc.update("update opt_out_history set phone = ?, author = null where phone = ?", hashes[i], phones[i]);
            }
            removed.put("opt_outs (hashed)", optOuts);
            return removed;
        }));
    }

    @Override
    public void confirmed(Confirmation confirmation) {
        var removed = confirmation.removed().entrySet().stream()
                .map(e -> "\"" + e.getKey().replace("\\", "\\\\").replace("\"", "\\\"") + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
        jdbc.update("""
                insert into erasure_confirmation (erasure_id, service, parent_id, removed, kept, confirmed_at)
                values (?, ?, ?, ?::jsonb, ?, ?)
                on conflict (erasure_id, service) do update set removed = excluded.removed, kept = excluded.kept,
                    confirmed_at = excluded.confirmed_at""",
                confirmation.erasureId(), confirmation.service(), confirmation.parentId(), removed, confirmation.kept(),
                Timestamp.from(confirmation.confirmedAt()));
    }

    @Override
    public Optional<ParentErasure> request(String erasureId) {
        return jdbc.query("select erasure_id, parent_id, author, reason, requested_at from erasure_request where erasure_id = ?",
                (rs, n) -> new ParentErasure(rs.getString(1), rs.getString(2), List.of(), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()), erasureId).stream().findFirst();
    }

    @Override
    public List<Confirmation> confirmations(String erasureId) {
        var removed = new HashMap<String, Map<String, Long>>();
        jdbc.query("select c.service, r.key, r.value::bigint from erasure_confirmation c, jsonb_each_text(c.removed) r where c.erasure_id = ?",
                rs -> {
                    removed.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3));
                }, erasureId);
        var confirmations = new ArrayList<Confirmation>();
        jdbc.query("select service, parent_id, kept, confirmed_at from erasure_confirmation where erasure_id = ? order by service",
                rs -> {
                    confirmations.add(new Confirmation(erasureId, rs.getString(1), rs.getString(2),
                            removed.getOrDefault(rs.getString(1), Map.of()), rs.getString(3), rs.getTimestamp(4).toInstant()));
                }, erasureId);
        return confirmations;
    }
}
