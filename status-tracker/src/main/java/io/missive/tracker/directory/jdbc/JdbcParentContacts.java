package io.missive.tracker.directory.jdbc;

import io.missive.tracker.directory.ParentContact;
import io.missive.tracker.directory.ParentContacts;
import java.util.Collection;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The parent contacts in PostgreSQL. A batch of the directory is one transaction: the parents' rows, then the
 * replies and calls of their phones that no parent holds yet. The phones are locked first (a transaction-scoped
 * advisory lock per phone, taken in one order), as the projection does before it ties a reply to the parents of
 * its phone: whichever of the two commits second sees the other's rows, so a reply and the directory record
 * of its phone arriving together are tied whichever order they commit in.
 */
public class JdbcParentContacts implements ParentContacts {

    /** Locks the phones of a {@code text[]}, in one order; the projection's {@code SideTables} takes the same locks. */
    public static final String LOCK_PHONES = """
            select count(pg_advisory_xact_lock(k)) from (select distinct hashtextextended(p, 0) as k
            from unnest(?::text[]) as u(p) where p is not null order by k) s""";

    private static final Logger log = LoggerFactory.getLogger(JdbcParentContacts.class);
    private static final int ATTEMPTS_ON_CONFLICT = 5;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public JdbcParentContacts(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public void apply(Collection<ParentContact> changed, Collection<String> deletedParentIds) {
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.executeWithoutResult(status -> applyInTransaction(changed, deletedParentIds));
                return;
            } catch (ConcurrencyFailureException conflict) {
                if (attempt >= ATTEMPTS_ON_CONFLICT) {
                    throw conflict;
                }
                log.warn("event=directory_conflict attempt={} parents={} cause={}", attempt, changed.size(), conflict.getMessage());
            }
        }
    }

    private void applyInTransaction(Collection<ParentContact> changed, Collection<String> deletedParentIds) {
        var parentIds = changed.stream().map(ParentContact::parentId).toArray(String[]::new);
        var phones = changed.stream().map(ParentContact::phone).filter(Objects::nonNull).distinct().toArray(String[]::new);
        if (phones.length > 0) {
            jdbc.queryForObject(LOCK_PHONES, Long.class, (Object) phones);
        }
        if (!deletedParentIds.isEmpty()) {
            jdbc.update("delete from directory_parents where parent_id = any(?::text[])", (Object) deletedParentIds.toArray(String[]::new));
        }
        if (parentIds.length == 0) {
            return;
        }
        jdbc.update("""
                insert into directory_parents (parent_id, phone, supporter_id)
                select * from unnest(?::text[], ?::text[], ?::text[])
                on conflict (parent_id) do update set phone = excluded.phone, supporter_id = excluded.supporter_id
                """, parentIds, changed.stream().map(ParentContact::phone).toArray(String[]::new),
                changed.stream().map(ParentContact::supporterId).toArray(String[]::new));
        // One statement each, so that two parents of a batch sharing a phone both adopt its orphans.
        int replies = jdbc.update("""
                insert into inbound_parents (event_id, parent_id, supporter_id, received_at)
                select i.event_id, d.parent_id, d.supporter_id, i.received_at
                from directory_parents d join inbound_messages i on i.phone = d.phone
                where d.parent_id = any(?::text[])
                  and not exists (select 1 from inbound_parents x where x.event_id = i.event_id)
                on conflict do nothing
                """, (Object) parentIds);
        int calls = jdbc.update("""
                insert into call_parents (call_id, parent_id)
                select distinct c.call_id, d.parent_id
                from directory_parents d join aircall_calls c on c.phone = d.phone
                where d.parent_id = any(?::text[])
                  and not exists (select 1 from call_parents x where x.call_id = c.call_id)
                on conflict do nothing
                """, (Object) parentIds);
        if (replies > 0 || calls > 0) {
            log.info("event=directory_adopted parents={} replies={} calls={}", parentIds.length, replies, calls);
        }
    }
}
