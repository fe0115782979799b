package io.missive.gateway.links.jdbc;

import io.missive.gateway.links.TrackedLink;
import io.missive.gateway.links.TrackedLinks;
import java.util.LinkedHashMap;
import java.util.List;
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
    public void registerAll(List<TrackedLink> links) {
        var first = new LinkedHashMap<String, TrackedLink>();
        links.forEach(link -> first.putIfAbsent(link.code(), link));
        if (first.isEmpty()) {
            return;
        }
        var codes = first.values().stream().map(TrackedLink::code).toArray(String[]::new);
        var messageIds = first.values().stream().map(TrackedLink::messageId).toArray(String[]::new);
        var targets = first.values().stream().map(TrackedLink::targetUrl).toArray(String[]::new);
        var parents = first.values().stream().map(TrackedLink::parentId).toArray(String[]::new);
        jdbc.sql("""
                        insert into tracked_link (code, message_id, target_url, parent_id)
                        select * from unnest(?::varchar[], ?::varchar[], ?::text[], ?::varchar[])
                        on conflict (code) do nothing""")
                .params((Object) codes, messageIds, targets, parents)
                .update();
    }
}
