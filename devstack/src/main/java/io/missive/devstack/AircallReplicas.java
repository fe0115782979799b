package io.missive.devstack;

import io.missive.events.MessageRequested;
import io.missive.events.Provider;
import io.missive.schemas.ids.MessageIds;
import io.missive.schemas.serde.EventSerializer;
import io.missive.schemas.topics.Topics;
import io.missive.simulators.aircall.AcceptedMessage;
import io.missive.simulators.aircall.AircallSimulatorConfig;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The fault suite's two-replica Aircall row (issue 17, decision 0301): a second aircall-dispatcher
 * beside the stack's, both on the same credentials against the simulator's limit (Aircall's 60 a minute, or the stack's own),
 * enough messages to keep them busy, and the stack's own one killed (SIGKILL) once a third are sent.
 * It reports the requests Aircall refused for being over the limit (must be 0) and the share of the
 * allowed rate used from the first acceptance to the last (must be at least 95 %). The messages are
 * published straight to {@code missive.sms.aircall.requested}: the row is about the dispatchers.
 */
public final class AircallReplicas {

    // Not "faults-aircall-…": the suite's verdict reads those campaigns' outcomes from the Events store.
    static final String CAMPAIGN = "faults-two-replicas";
    static final double MIN_RATE_PERCENT = 95;

    /**
     * @param sent           messages the simulator accepted (a message the killed replica was calling is
     *                       settled UNKNOWN_OUTCOME, not sent again)
     * @param ratePercent    accepted per window from first to last acceptance, as a share of the limit
     * @param resumedSeconds from the kill to the next acceptance
     */
    public record Result(int messages, int sent, int overLimit, double ratePercent, int duplicates, double resumedSeconds) {

        public boolean passed() {
            return overLimit == 0 && duplicates == 0 && ratePercent >= MIN_RATE_PERCENT;
        }
    }

    private final Stack stack;
    private final Consumer<String> progress;

    AircallReplicas(Stack stack, Consumer<String> progress) {
        this.stack = stack;
        this.progress = progress;
    }

    Result run(int messages) {
        var aircall = stack.simulators().aircall();
        int limit = aircall.config().requestsPerWindow();
        var window = aircall.config().window();
        int overBefore = aircall.overLimitRequests();
        progress.accept("two aircall-dispatchers, " + messages + " messages against " + limit + " per " + window);
        var second = stack.startReplica("aircall-dispatcher", Duration.ofMinutes(3));
        var first = stack.service("aircall-dispatcher");
        try {
            // Published once both are up, so that both take part from the start; checked for an empty ledger only
            // after a third were sent, when every message is in it.
            var phones = publish(messages);
            awaitSent(phones, messages / 3, window.multipliedBy(messages).dividedBy(limit).multipliedBy(3).plusMinutes(2));
            var killedAt = Instant.now();
            first.kill();
            progress.accept("killed the first aircall-dispatcher after " + sent(phones).size() + " sent; the second carries on");
            // Done when nothing waits in the ledger: a call the kill cut stays SENDING until the survivor settles it.
            var deadline = Instant.now().plus(window.multipliedBy(messages).dividedBy(limit).multipliedBy(3).plusMinutes(3));
            while (open() > 0 && Instant.now().isBefore(deadline)) {
                progress.accept("aircall replicas: " + sent(phones).size() + "/" + messages + " sent");
                pause(Duration.ofSeconds(5));
            }
            var sent = sent(phones);
            var times = sent.stream().map(AcceptedMessage::acceptedAt).sorted().toList();
            double ratePercent = times.size() < 2 ? 0
                    : 100.0 * (times.size() - 1) / ((double) Duration.between(times.getFirst(), times.getLast()).toMillis()
                    / window.toMillis()) / limit;
            var resumed = times.stream().filter(at -> at.isAfter(killedAt)).findFirst()
                    .map(at -> Duration.between(killedAt, at).toMillis() / 1000.0).orElse(Double.NaN);
            var recipients = new HashSet<String>();
            int duplicates = (int) sent.stream().filter(message -> !recipients.add(message.to())).count();
            return new Result(messages, sent.size(), aircall.overLimitRequests() - overBefore, ratePercent, duplicates, resumed);
        } finally {
            second.stop(Duration.ofSeconds(30));
            if (!first.isAlive()) {
                first.start();
                first.awaitHealthy(Duration.ofMinutes(3));
            }
        }
    }

    /** One message per recipient, numbers of their own (the suite's parents are not reused). */
    private Set<String> publish(int messages) {
        var serializer = new EventSerializer();
        var topic = stack.config().topicPrefix() + Topics.AIRCALL_REQUESTED_NAME;
        var phones = new HashSet<String>();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.infrastructure().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < messages; i++) {
                var phone = "+3367%07d".formatted(i);
                phones.add(phone);
                var now = Instant.now();
                var messageId = MessageIds.messageId(CAMPAIGN, phone);
                var requested = MessageRequested.newBuilder()
                        .setEventId(MessageIds.randomEventId())
                        .setOccurredAt(now)
                        .setMessageId(messageId)
                        .setCampaignId(CAMPAIGN)
                        .setProvider(Provider.AIRCALL)
                        .setPhone(phone)
                        .setBody("Bonjour, voici vos objectifs.")
                        .setTemplate("Bonjour, voici vos objectifs.")
                        .setSegments(1)
                        .setDueAt(now)
                        .setAircallNumberId(AircallSimulatorConfig.DEFAULT_NUMBER_ID)
                        .build();
                producer.send(new ProducerRecord<>(topic, messageId, serializer.toBytes(requested)));
            }
            producer.flush();
        }
        return phones;
    }

    private List<AcceptedMessage> sent(Set<String> phones) {
        return stack.simulators().aircall().accepted().stream().filter(message -> phones.contains(message.to())).toList();
    }

    private void awaitSent(Set<String> phones, int count, Duration timeout) {
        var deadline = Instant.now().plus(timeout);
        while (sent(phones).size() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the aircall-dispatchers sent " + sent(phones).size() + " of " + count + " in " + timeout);
            }
            pause(Duration.ofMillis(500));
        }
    }

    /** The row's messages still PENDING or SENDING in the dispatchers' shared ledger. */
    private int open() {
        var infrastructure = stack.infrastructure();
        try (var connection = DriverManager.getConnection(infrastructure.jdbcUrl("missive"), infrastructure.jdbcUsername(),
                infrastructure.jdbcPassword());
             var statement = connection.prepareStatement(
                     "select count(*) from aircall.dispatch_ledger where campaign_id = ? and state in ('PENDING', 'SENDING')")) {
            statement.setString(1, CAMPAIGN);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the Aircall dispatch ledger", e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
