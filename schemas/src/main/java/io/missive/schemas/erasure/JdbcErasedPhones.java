package io.missive.schemas.erasure;

import io.missive.schemas.phones.PhoneHash;
import io.missive.schemas.retention.PurgeRule;
import io.missive.schemas.retention.RetentionProperties;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The phones of erased parents, as their hash, in a dispatcher's {@code erased_phones} table: a message requested
 * for one of them after the dispatcher erased (a {@code MessageRequested} still in Kafka when the erasure landed)
 * is failed {@code ERASED} instead of being sent. Written in the erasure's own transaction, so a message claimed
 * before the erasure is failed by it, and one claimed after is stopped here (docs/decisions/0022).
 */
public final class JdbcErasedPhones implements ErasedPhones {

    private final JdbcTemplate jdbc;

    public JdbcErasedPhones(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Remembers the phones (E.164, as the scheduler sends them) of an erased parent; call it inside the erasure's transaction. */
    public void remember(List<String> phones) {
        jdbc.update("insert into erased_phones (phone_hash) select unnest(?::text[]) order by 1 on conflict do nothing",
                (Object) phones.stream().map(PhoneHash::ofE164).distinct().toArray(String[]::new));
    }

    /** One indexed lookup for the whole batch; the phones are messages' own, E.164 since acceptance. */
    @Override
    public Set<String> among(Collection<String> phones) {
        if (phones.isEmpty()) {
            return Set.of();
        }
        var byHash = new HashMap<String, String>();
        phones.forEach(phone -> byHash.put(PhoneHash.ofE164(phone), phone));
        var erased = new HashSet<String>();
        jdbc.query("select phone_hash from erased_phones where phone_hash = any(?)",
                (RowCallbackHandler) rs -> erased.add(byHash.get(rs.getString(1))),
                (Object) byHash.keySet().toArray(String[]::new));
        return erased;
    }

    /**
     * Kept as long as a request for the parent can still arrive: the requests topic's retention (7 days), twice,
     * as for the dedupe keys.
     */
    public static PurgeRule retention(RetentionProperties policy) {
        return PurgeRule.delete("dedupe", "erased_phones", "erased_at < ?", policy.dedupe());
    }
}
