package io.missive.spothit.dispatch.jdbc;

import io.missive.spothit.dispatch.media.MediaStore;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link MediaStore} in {@code spothit_media} and {@code campaign_attachment} (V6). */
public final class JdbcMediaStore implements MediaStore {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    public JdbcMediaStore(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /**
     * A transaction-scoped advisory lock on the key's hash: held through the fetch and the upload (seconds at most,
     * once per campaign and file), released by the commit, or by the database if this instance dies.
     */
    @Override
    public <T> T exclusively(String key, Supplier<T> work) {
        return Objects.requireNonNull(tx.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 17))").param(key).query(Object.class).optional();
            return work.get();
        }));
    }

    @Override
    public Optional<String> forAttachment(String campaignId, String url) {
        return jdbc.sql("""
                        select m.media_id from campaign_attachment a join spothit_media m on m.sha256 = a.sha256
                        where a.campaign_id = ? and a.url = ?""")
                .param(campaignId).param(url).query(String.class).optional();
    }

    @Override
    public Optional<String> byContent(String sha256) {
        return jdbc.sql("select media_id from spothit_media where sha256 = ?").param(sha256).query(String.class).optional();
    }

    @Override
    public String keep(String sha256, String mediaId, String contentType, int bytes) {
        jdbc.sql("""
                        insert into spothit_media (sha256, media_id, content_type, size_bytes) values (?, ?, ?, ?)
                        on conflict (sha256) do nothing""")
                .param(sha256).param(mediaId).param(contentType).param(bytes).update();
        return byContent(sha256).orElseThrow();
    }

    @Override
    public void link(String campaignId, String url, String sha256) {
        jdbc.sql("""
                        insert into campaign_attachment (campaign_id, url, sha256) values (?, ?, ?)
                        on conflict (campaign_id, url) do nothing""")
                .param(campaignId).param(url).param(sha256).update();
    }
}
