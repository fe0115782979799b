package io.missive.devstack.bench;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * This machine's own ceilings, measured on the same broker and database as the run: a raw Kafka
 * producer with the services' settings (acks=all, idempotent, lz4) and records of a message's size,
 * a raw consumer, and batched PostgreSQL inserts and updates.
 */
public record Ceilings(double producerPerSecond, double consumerPerSecond, double insertsPerSecond, double updatesPerSecond) {

    static final int RECORD_BYTES = 320;

    public static Ceilings measure(String bootstrapServers, String jdbcUrl, String user, String password, int records) {
        var topic = "bench.ceiling." + UUID.randomUUID().toString().substring(0, 8);
        double produced = produce(bootstrapServers, topic, records);
        double consumed = consume(bootstrapServers, topic, records);
        double[] database = database(jdbcUrl, user, password, records);
        return new Ceilings(produced, consumed, database[0], database[1]);
    }

    private static double produce(String bootstrapServers, String topic, int records) {
        var value = new byte[RECORD_BYTES];
        new java.util.Random(7).nextBytes(value);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "warm-up", value)).get();
            long started = System.nanoTime();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(), value));
            }
            producer.flush();
            return records / ((System.nanoTime() - started) / 1e9);
        } catch (Exception e) {
            throw new IllegalStateException("raw producer ceiling failed", e);
        }
    }

    private static double consume(String bootstrapServers, String topic, int records) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(java.util.List.of(topic));
            var seen = new AtomicLong();
            long started = System.nanoTime();
            long deadline = started + Duration.ofMinutes(2).toNanos();
            while (seen.get() < records + 1 && System.nanoTime() < deadline) {
                seen.addAndGet(consumer.poll(Duration.ofMillis(200)).count());
            }
            return seen.get() / ((System.nanoTime() - started) / 1e9);
        }
    }

    /** Rows per second for JDBC-batched inserts, then for batched updates by primary key. */
    private static double[] database(String jdbcUrl, String user, String password, int rows) {
        var url = jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        try (var connection = DriverManager.getConnection(url, user, password)) {
            connection.setAutoCommit(false);
            try (var ddl = connection.createStatement()) {
                ddl.execute("create schema if not exists bench");
                ddl.execute("drop table if exists bench.ceiling");
                ddl.execute("create table bench.ceiling (id bigint primary key, status smallint not null, body text not null)");
            }
            connection.commit();
            var body = "x".repeat(160);
            long started = System.nanoTime();
            try (var insert = connection.prepareStatement("insert into bench.ceiling (id, status, body) values (?, 0, ?)")) {
                for (int i = 0; i < rows; i++) {
                    insert.setLong(1, i);
                    insert.setString(2, body);
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
            double inserts = rows / ((System.nanoTime() - started) / 1e9);
            started = System.nanoTime();
            try (var update = connection.prepareStatement("update bench.ceiling set status = 2 where id = ? and status < 2")) {
                for (int i = 0; i < rows; i++) {
                    update.setLong(1, i);
                    update.addBatch();
                    if (i % 1000 == 999) {
                        update.executeBatch();
                    }
                }
                update.executeBatch();
            }
            connection.commit();
            double updates = rows / ((System.nanoTime() - started) / 1e9);
            try (var ddl = connection.createStatement()) {
                ddl.execute("drop table bench.ceiling");
            }
            connection.commit();
            return new double[] {inserts, updates};
        } catch (SQLException e) {
            throw new IllegalStateException("database ceiling failed", e);
        }
    }
}
