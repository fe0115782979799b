package io.missive.schemas.topics;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the catalog's topics (and their dead-letter topics) under a prefix. */
public final class TopicAdmin {

    private TopicAdmin() {
    }

    public static void createCatalogTopics(String bootstrapServers, String prefix, int partitions) {
        var topics = new ArrayList<NewTopic>();
        for (Topic topic : Topics.ALL) {
            var main = new NewTopic(prefix + topic.name(), Math.min(partitions, topic.partitions()), (short) 1);
            main.configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, topic.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE,
                    TopicConfig.RETENTION_MS_CONFIG, Long.toString(TopicRetention.retentionMs(topic)),
                    TopicConfig.DELETE_RETENTION_MS_CONFIG, Long.toString(TopicRetention.deleteRetentionMs(topic))));
            topics.add(main);
            topics.add(new NewTopic(prefix + topic.deadLetterName(), 1, (short) 1)
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(TopicRetention.deadLetterRetentionMs()))));
        }
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            for (var result : admin.createTopics(topics).values().values()) {
                try {
                    result.get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topics under " + prefix, e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }
}
