package io.missive.testkit;

import io.missive.schemas.topics.Topic;
import io.missive.testkit.infra.Infrastructure;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A test class's own corner of the shared infrastructure: a topic prefix, a database and a
 * consumer-group prefix, all derived from the class name, so classes never see each other's data.
 */
public record TestNamespace(String name, Infrastructure infrastructure) {

    public static TestNamespace of(Class<?> testClass, Infrastructure infrastructure) {
        var simple = testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        var hash = Integer.toHexString(testClass.getName().hashCode() & 0x7fffffff);
        var name = "t_" + simple.substring(0, Math.min(simple.length(), 40)) + "_" + hash;
        return new TestNamespace(name, infrastructure);
    }

    /** The prefix of every topic name in this namespace. */
    public String topicPrefix() {
        return name + ".";
    }

    public String topic(Topic topic) {
        return topicPrefix() + topic.name();
    }

    public String deadLetterTopic(Topic topic) {
        return topicPrefix() + topic.deadLetterName();
    }

    public String database() {
        return name;
    }

    public String jdbcUrl() {
        return infrastructure.jdbcUrl(database());
    }

    public String kafkaBootstrapServers() {
        return infrastructure.kafkaBootstrapServers();
    }

    /** The Spring properties that point a service at this namespace. */
    public Map<String, Object> springProperties() {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers());
        properties.put("missive.topics.prefix", topicPrefix());
        properties.put("missive.topics.partitions", 3);
        properties.put("spring.datasource.url", jdbcUrl());
        properties.put("spring.datasource.username", infrastructure.jdbcUsername());
        properties.put("spring.datasource.password", infrastructure.jdbcPassword());
        properties.put("server.port", 0);
        properties.put("spring.kafka.consumer.properties.metadata.max.age.ms", 1000);
        properties.put("spring.kafka.consumer.properties.session.timeout.ms", 10000);
        properties.put("spring.kafka.consumer.properties.heartbeat.interval.ms", 1000);
        return properties;
    }
}
