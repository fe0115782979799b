package io.missive.devstack;

import io.missive.schemas.topics.Topic;
import io.missive.schemas.topics.TopicRetention;
import io.missive.schemas.topics.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes {@code deploy/kubernetes/base/kafka-topics.yaml}: one Strimzi {@code KafkaTopic} per
 * catalog topic and per dead-letter topic, so the cluster's topics follow the catalog. A unit test
 * fails when the committed file differs from what this prints.
 */
public final class KubernetesTopics {

    public static final Path FILE = Path.of("deploy", "kubernetes", "base", "kafka-topics.yaml");

    private KubernetesTopics() {
    }

    public static void main(String[] args) throws IOException {
        var root = Path.of(args.length > 0 ? args[0] : ".");
        Files.writeString(root.resolve(FILE), render());
        System.out.println("wrote " + root.resolve(FILE));
    }

    public static String render() {
        var yaml = new StringBuilder("# Generated from the topic catalog (io.missive.schemas.topics.Topics) by\n"
                + "# io.missive.devstack.KubernetesTopics: do not edit by hand.\n");
        for (Topic topic : Topics.ALL) {
            yaml.append(kafkaTopic(topic.name(), topic.partitions(), topic.compacted(), topic.writer(),
                    TopicRetention.retentionMs(topic), TopicRetention.deleteRetentionMs(topic)));
            yaml.append(kafkaTopic(topic.deadLetterName(), 1, false, "dead letters of " + topic.name(),
                    TopicRetention.deadLetterRetentionMs(), TopicRetention.deleteRetentionMs(topic)));
        }
        return yaml.toString();
    }

    private static String kafkaTopic(String name, int partitions, boolean compacted, String writer, long retentionMs,
                                     long deleteRetentionMs) {
        return """
                ---
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata:
                  name: %s
                  labels:
                    strimzi.io/cluster: missive
                  annotations:
                    missive.io/writer: "%s"
                spec:
                  topicName: %s
                  partitions: %d
                  replicas: 1
                  config:
                    cleanup.policy: %s
                    min.insync.replicas: 1
                    retention.ms: "%d"
                    delete.retention.ms: "%d"
                """.formatted(name.toLowerCase(Locale.ROOT).replace('.', '-'), writer, name, partitions,
                compacted ? "compact" : "delete", retentionMs, deleteRetentionMs);
    }
}
