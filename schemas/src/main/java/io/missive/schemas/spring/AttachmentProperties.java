package io.missive.schemas.spring;

import io.missive.schemas.attachments.AttachmentPolicy;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which attachments the scheduler accepts and the SpotHit dispatcher fetches ({@code missive.attachment.*}).
 *
 * @param hosts      {@code MISSIVE_ATTACHMENT_HOSTS}: the hosts attachments may come from (exact, or {@code *.domain});
 *                   empty: every attachment is refused
 * @param localHosts {@code MISSIVE_ATTACHMENT_LOCAL_HOSTS}: the devstack's own hosts, which may be private or loopback
 *                   and plain http; empty in production
 * @param maxBytes   {@code MISSIVE_ATTACHMENT_MAX_BYTES}: the size cap (default 500 KiB, decision 0207)
 * @param timeout    {@code MISSIVE_ATTACHMENT_TIMEOUT}: for each request of a fetch
 */
@ConfigurationProperties("missive.attachment")
public record AttachmentProperties(@Nullable List<String> hosts, @Nullable List<String> localHosts,
                                   @DefaultValue("512000") long maxBytes, @DefaultValue("10s") Duration timeout) {

    public AttachmentPolicy policy() {
        return AttachmentPolicy.of(hosts, localHosts, maxBytes, timeout);
    }
}
