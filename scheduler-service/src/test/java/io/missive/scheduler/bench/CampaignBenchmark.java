package io.missive.scheduler.bench;

import io.missive.schemas.topics.Topics;
import io.missive.scheduler.DemoDirectory;
import io.missive.scheduler.SchedulerApplication;
import io.missive.scheduler.SchedulerHttp;
import io.missive.testkit.RealInfrastructureExtension;
import io.missive.testkit.TestNamespace;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Prints how long the scheduler takes, on the embedded broker and database, to import N parents,
 * accept a campaign to all of them (resolve, render, store, announce) and publish it once due.
 * Not a test: {@code ./missive mvn -q -pl scheduler-service test-compile exec:java ...} or run from an IDE
 * with the number of parents as argument (default 100,000).
 */
public final class CampaignBenchmark {

    public static void main(String[] args) throws Exception {
        int parents = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        TestNamespace namespace = RealInfrastructureExtension.namespaceOf(CampaignBenchmark.class);
        var appArgs = new ArrayList<String>();
        namespace.springProperties().forEach((key, value) -> appArgs.add("--" + key + "=" + value));
        appArgs.add("--logging.level.root=WARN");
        appArgs.add("--logging.level.io.missive=INFO");
        // Further arguments are passed to the service, e.g. --missive.scheduler.batch-size=20000
        appArgs.addAll(List.of(args).subList(Math.min(1, args.length), args.length));
        try (var app = new SpringApplicationBuilder(SchedulerApplication.class).run(appArgs.toArray(String[]::new));
             var requested = new Counter(namespace.kafkaBootstrapServers(), namespace.topic(Topics.SPOTHIT_REQUESTED));
             var planned = new Counter(namespace.kafkaBootstrapServers(), namespace.topic(Topics.PLANNED))) {
            var http = new SchedulerHttp(((WebServerApplicationContext) app).getWebServer().getPort());
            long t0 = System.nanoTime();
            var imported = http.post("/api/v1/directory/import", DemoDirectory.of(parents));
            System.out.printf("import: %d parents + children in %d ms (database %d ms)%n", parents,
                    (System.nanoTime() - t0) / 1_000_000, imported.body().get("tookMs").asLong());

            var commandId = "bench-" + UUID.randomUUID();
            var due = Instant.now().plusSeconds(30);
            long t1 = System.nanoTime();
            var reply = http.post("/api/v1/programs", Map.of("commandId", commandId,
                    "message", "Bonjour, {PRENOM_ENFANT} a une nouvelle vidéo : {URL} — {PRENOM_ACCOMPAGNANTE}",
                    "redirectionTargetId", "r1", "recipients", List.of(Map.of("selector", "tag.t-all")),
                    "plannedAt", due.toString()));
            int accepted = reply.body().get("accepted").asInt();
            int announcedTotal = reply.body().get("recipients").asInt();
            System.out.printf("accept: %d recipients (%d sendable) resolved, rendered, stored and announced in %d ms (HTTP %d)%n",
                    announcedTotal, accepted, (System.nanoTime() - t1) / 1_000_000, reply.status());
            planned.awaitCount(announcedTotal, Duration.ofMinutes(10));
            requested.awaitCount(accepted, Duration.ofMinutes(10));
            System.out.printf("publish: %d MessageRequested, first %d ms and last %d ms after the due time (%.0f messages/s)%n",
                    requested.count, requested.first - due.toEpochMilli(), requested.last - due.toEpochMilli(),
                    accepted * 1000.0 / Math.max(1, requested.last - requested.first));
        }
        System.exit(0);
    }

    /** Counts records of a topic and remembers the first and last broker timestamps, without keeping them. */
    private static final class Counter implements AutoCloseable {
        private final KafkaConsumer<byte[], byte[]> consumer;
        int count;
        long first = Long.MAX_VALUE;
        long last;

        Counter(String bootstrap, String topic) {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(), ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
        }

        void awaitCount(int expected, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (count < expected && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(100))) {
                    count++;
                    first = Math.min(first, record.timestamp());
                    last = Math.max(last, record.timestamp());
                }
            }
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
