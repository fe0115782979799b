package io.missive.spothit.erasure.jdbc;

import io.missive.schemas.erasure.Erasures;
import io.missive.schemas.erasure.JdbcErasedPhones;
import io.missive.spothit.erasure.LedgerErasure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The erasure in the dispatch ledger, in one transaction. A row being sent (SENDING) is settled as usual, redacted.
 * The phones' hashes are remembered, so a request for them that comes later is not sent.
 */
public class JdbcLedgerErasure implements LedgerErasure {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public JdbcLedgerErasure(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public Outcome erase(List<String> phones) {
        var array = phones.toArray(String[]::new);
        return Objects.requireNonNull(tx.execute(status -> {
            // Remembered first: a request for these phones claimed after this commit is failed ERASED at its claim.
            new JdbcErasedPhones(jdbc).remember(phones);
            var failed = jdbc.queryForList("""
                    update dispatch_ledger set state = 'FAILED', reason = ?, updated_at = now()
                    where phone = any(?) and state in ('PENDING', 'PARKED') returning message_id""", String.class, Erasures.REASON, array);
            var removed = new LinkedHashMap<String, Long>();
            removed.put("dispatch_ledger (cancelled)", (long) failed.size());
            removed.put("dispatch_ledger", (long) jdbc.update("""
                    update dispatch_ledger set phone = ?, body = null, template = null, variables = null, attachment_url = null
                    where phone = any(?)""", Erasures.REDACTED, array));
            return new Outcome(removed, failed);
        }));
    }
}
