package io.missive.aircall.erasure.jdbc;

import io.missive.aircall.erasure.LedgerErasure;
import io.missive.schemas.erasure.Erasures;
import io.missive.schemas.erasure.JdbcErasedPhones;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The erasure in the Aircall ledger, in one transaction. A row being sent (SENDING) is settled as usual, redacted. */
public class JdbcLedgerErasure implements LedgerErasure {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public JdbcLedgerErasure(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public Map<String, Long> erase(String parentId, List<String> phones) {
        var array = phones.toArray(String[]::new);
        return Objects.requireNonNull(tx.execute(status -> {
            // Remembered first: a request for these phones taken after this commit is refused ERASED.
            new JdbcErasedPhones(jdbc).remember(phones);
            var removed = new LinkedHashMap<String, Long>();
            removed.put("dispatch_ledger (cancelled)", (long) jdbc.update("""
                    update dispatch_ledger set state = 'FAILED', reason = ?, version = version + 1, updated_at = now()
                    where (parent_id = ? or phone = any(?)) and state = 'PENDING'""", Erasures.REASON, parentId, array));
            removed.put("dispatch_ledger", (long) jdbc.update("""
                    update dispatch_ledger set phone = ?, body = ?, parent_id = null where parent_id = ? or phone = any(?)""",
                    Erasures.REDACTED, Erasures.REDACTED, parentId, array));
            // The insight cards' copy of the directory (decision 0304); its tombstone does the same, but may come later.
            // A card already built names the parent too: it is deleted a day after its call, whatever happens here.
            removed.put("directory_child", (long) jdbc.update("delete from directory_child where parent_id = ?", parentId));
            removed.put("directory_parent", (long) jdbc.update("delete from directory_parent where parent_id = ? or phone = any(?)",
                    parentId, array));
            return removed;
        }));
    }
}
