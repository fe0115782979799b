package io.missive.testkit.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real KRaft Kafka broker (Kafka's own server classes, through spring-kafka-test) and a real
 * PostgreSQL 17 (zonky's packaged binaries), both started inside this JVM's process tree: no
 * Docker needed. (The devstack needs fixed ports and restarts, so it runs Kafka as a process:
 * {@code io.missive.devstack.LocalInfrastructure}.)
 */
public final class EmbeddedInfrastructure implements Infrastructure {

    private final EmbeddedKafkaKraftBroker kafka;
    private final EmbeddedPostgres postgres;

    private EmbeddedInfrastructure(EmbeddedKafkaKraftBroker kafka, EmbeddedPostgres postgres) {
        this.kafka = kafka;
        this.postgres = postgres;
    }

    /**
     * Free ports and throw-away data, for tests. The broker's port is whatever the KRaft test kit
     * picks (it cannot be given one, spring-kafka#2916): read it from {@link #kafkaBootstrapServers()}.
     */
    public static EmbeddedInfrastructure start() {
        var kafka = newBroker(Map.of());
        kafka.afterPropertiesSet();
        try {
            var postgres = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("shared_buffers", "128MB")
                    .start();
            return new EmbeddedInfrastructure(kafka, postgres);
        } catch (IOException e) {
            kafka.destroy();
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    /**
     * A single-node KRaft broker with the settings every Missive test wants (created, not started:
     * call {@code afterPropertiesSet()}). {@code extra} adds or replaces broker properties.
     */
    public static EmbeddedKafkaKraftBroker newBroker(Map<String, String> extra) {
        var properties = new java.util.HashMap<String, String>(Map.of(
                "auto.create.topics.enable", "true",
                "num.partitions", "3",
                "offsets.topic.num.partitions", "3",
                "group.initial.rebalance.delay.ms", "0",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "log.cleaner.dedupe.buffer.size", "2097152"));
        properties.putAll(extra);
        var kafka = new EmbeddedKafkaKraftBroker(1, 1);
        kafka.brokerProperties(properties);
        return kafka;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBrokersAsString();
    }

    @Override
    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    @Override
    public String jdbcUsername() {
        return "postgres";
    }

    @Override
    public String jdbcPassword() {
        return "postgres";
    }

    @Override
    public void createDatabase(String database) {
        Databases.create(postgres.getPostgresDatabase(), database);
    }

    @Override
    public String kind() {
        return "embedded";
    }

    @Override
    public void close() {
        kafka.destroy();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
