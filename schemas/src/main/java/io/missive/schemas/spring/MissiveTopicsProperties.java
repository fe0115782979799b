package io.missive.schemas.spring;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where and how the catalog's topics are created.
 *
 * @param prefix            put before every topic name (a namespace per deployment or per test class)
 * @param replicationFactor replicas per partition: 1 on the embedded broker, 3 in production
 * @param partitions        when set, overrides the catalog's partition counts (small test brokers)
 */
@ConfigurationProperties("missive.topics")
public record MissiveTopicsProperties(@Nullable String prefix, @Nullable Short replicationFactor, @Nullable Integer partitions) {

    public MissiveTopicsProperties {
        prefix = prefix == null ? "" : prefix;
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
    }
}
