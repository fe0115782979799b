package io.missive.gateway.links.jdbc;

import io.missive.gateway.links.TrackedLink;
import io.missive.gateway.links.TrackedLinks;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The link table in the gateway's own schema. */
public final class JdbcTrackedLinks implements TrackedLinks {

    private final JdbcClient jdbc;

    public JdbcTrackedLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<TrackedLink> find(String code) {
        return jdbc.sql("select code, message_id, target_url from tracked_link where code = :code")
                .param("code", code)
                .query((rs, row) -> new TrackedLink(rs.getString("code"), rs.getString("message_id"), rs.getString("target_url")))
                .optional();
    }

    @Override
    public void register(TrackedLink link) {
        jdbc.sql("""
                        insert into tracked_link (code, message_id, target_url) values (:code, :messageId, :targetUrl)
                        on conflict (code) do nothing""")
                .param("code", link.code())
                .param("messageId", link.messageId())
                .param("targetUrl", link.targetUrl())
                .update();
    }
}
