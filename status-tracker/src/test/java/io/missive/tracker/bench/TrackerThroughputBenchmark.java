package io.missive.tracker.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.missive.events.MessagePlanned;
import io.missive.events.Provider;
import io.missive.events.Status;
import io.missive.events.StatusUpdated;
import io.missive.schemas.serde.EventSerializer;
import io.missive.schemas.topics.Topics;
import io.missive.testkit.RealInfrastructureExtension;
import io.missive.tracker.StatusTrackerApplication;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * How fast the tracker projects status events, on this machine, against the real (embedded) Kafka and
 * PostgreSQL. Not a test: run it with
 * {@code ./missive mvn -q -pl status-tracker test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.missive.tracker.bench.TrackerThroughputBenchmark -Dexec.args="1000000"}.
 *
 * <p>It plans N messages (MessagePlanned), waits until the tracker has projected them, then produces N
 * status events — per message of a third of them: IN_PROGRESS, SENT (naming its SpotHit campaign), and
 * the provider's DELIVERED receipt by (campaign, phone) — and prints the events/s the tracker applied
 * beside the raw rate the producer reached in the same run.
 */
public final class TrackerThroughputBenchmark {

    private static final int CAMPAIGN_SIZE = 500;
    private static final int WAVE = 20_000;

    private TrackerThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        int consumers = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int messages = events;
        var namespace = RealInfrastructureExtension.namespaceOf(TrackerThroughputBenchmark.class);
        var properties = new java.util.LinkedHashMap<>(namespace.springProperties());
        properties.put("missive.tracker.consumers", consumers);
        properties.put("logging.level.root", "WARN");
        if (Boolean.getBoolean("timing")) {
            properties.put("logging.level.io.missive.tracker.projection.jdbc", "DEBUG");
        }
        var app = new SpringApplicationBuilder(StatusTrackerApplication.class)
                .web(WebApplicationType.NONE)
                .run(properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
        var meters = app.getBean(MeterRegistry.class);
        var run = UUID.randomUUID().toString().substring(0, 8);
        var serializer = new EventSerializer();
        var t0 = Instant.now();

        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, namespace.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"), new StringSerializer(), new ByteArraySerializer())) {

            double appliedBefore = applied(meters);
            long start = System.nanoTime();
            for (int n = 0; n < messages; n++) {
                var id = messageId(run, n);
                var planned = MessagePlanned.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(t0)
                        .setMessageId(id).setCampaignId(run + "-c" + n / CAMPAIGN_SIZE).setParentId("p" + n % 50_000)
                        .setPhone(phone(n)).setProvider(Provider.SPOTHIT).setBody("Bonjour, votre atelier commence bientôt")
                        .setSegments(1).setEncoding("GSM7").setPlannedAt(t0).setLinkCode("L" + n).build();
                producer.send(new ProducerRecord<>(namespace.topic(Topics.PLANNED), id, serializer.toBytes(planned)));
            }
            producer.flush();
            double producedPlanned = seconds(start);
            awaitApplied(meters, appliedBefore + messages);
            double plannedApplied = seconds(start);
            System.out.printf("planned: %,d MessagePlanned produced in %.1f s (%,.0f/s), applied in %.1f s (%,.0f/s)%n",
                    messages, producedPlanned, messages / producedPlanned, plannedApplied, messages / plannedApplied);

            appliedBefore = applied(meters);
            start = System.nanoTime();
            int produced = 0;
            int withLifecycle = events / 3;
            for (int wave = 0; wave < withLifecycle && produced < events; wave += WAVE) {
                int end = Math.min(withLifecycle, wave + WAVE);
                for (int step = 0; step < 3; step++) {
                    for (int n = wave; n < end && produced < events; n++, produced++) {
                        var id = messageId(run, n);
                        var campaign = run + "-sh" + n / CAMPAIGN_SIZE;
                        var at = t0.plusSeconds(60 + step);
                        var builder = StatusUpdated.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(at);
                        String key;
                        switch (step) {
                            case 0 -> {
                                builder.setMessageId(id).setStatus(Status.IN_PROGRESS).setSource("scheduler-service");
                                key = id;
                            }
                            case 1 -> {
                                builder.setMessageId(id).setStatus(Status.SENT).setSource("spothit-dispatcher")
                                        .setProvider(Provider.SPOTHIT).setProviderMessageId(campaign).setPhone(phone(n)).setAttempts(1);
                                key = id;
                            }
                            default -> {
                                builder.setProvider(Provider.SPOTHIT).setProviderMessageId(campaign).setPhone(phone(n))
                                        .setStatus(Status.DELIVERED).setSource("spothit");
                                key = campaign;
                            }
                        }
                        producer.send(new ProducerRecord<>(namespace.topic(Topics.STATUS), key, serializer.toBytes(builder.build())));
                    }
                }
            }
            // The remainder (events not divisible by 3): more IN_PROGRESS reports.
            for (int n = withLifecycle; produced < events; n++, produced++) {
                var id = messageId(run, n);
                var event = StatusUpdated.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(t0)
                        .setMessageId(id).setStatus(Status.IN_PROGRESS).setSource("scheduler-service").build();
                producer.send(new ProducerRecord<>(namespace.topic(Topics.STATUS), id, serializer.toBytes(event)));
            }
            producer.flush();
            double producedStatuses = seconds(start);
            awaitApplied(meters, appliedBefore + events);
            double statusesApplied = seconds(start);
            double producerRate = events / producedStatuses;
            double appliedRate = events / statusesApplied;
            System.out.printf("status: %,d StatusUpdated produced in %.1f s (%,.0f/s raw producer rate)%n",
                    events, producedStatuses, producerRate);
            System.out.printf("status: %,d StatusUpdated applied in %.1f s: %,.0f events/s (%.0f %% of the producer rate), consumers=%d%n",
                    events, statusesApplied, appliedRate, 100 * appliedRate / producerRate, consumers);
            // What the store holds afterwards: every receipt joined its message through the SENT's campaign id.
            app.getBean(org.springframework.jdbc.core.JdbcTemplate.class).query(
                    "select status, count(*) from tracker.text_message_events group by status order by status",
                    (org.springframework.jdbc.core.RowCallbackHandler) row -> System.out.printf("store: status %s: %,d messages%n",
                            io.missive.schemas.Statuses.fromCode(row.getInt(1)), row.getLong(2)));
        } finally {
            app.close();
            System.exit(0);
        }
    }

    private static double applied(MeterRegistry meters) {
        return meters.find("missive.tracker.events.applied").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private static void awaitApplied(MeterRegistry meters, double target) throws InterruptedException {
        while (applied(meters) < target) {
            Thread.sleep(50);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String messageId(String run, int n) {
        return UUID.nameUUIDFromBytes((run + n).getBytes()).toString();
    }

    private static String phone(int n) {
        return "+336%08d".formatted(n);
    }

}
