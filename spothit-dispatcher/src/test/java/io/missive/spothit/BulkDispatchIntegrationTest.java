package io.missive.spothit;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.events.MessageRequested;
import io.missive.events.Status;
import io.missive.events.StatusUpdated;
import io.missive.schemas.topics.Topics;
import io.missive.simulators.spothit.AcceptedMessage;
import io.missive.simulators.spothit.SpotHitCall;
import io.missive.simulators.spothit.SpotHitSimulator;
import io.missive.simulators.spothit.SpotHitSimulatorConfig;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.kafka.KafkaProbe;
import io.missive.testkit.kafka.TestProducer;
import java.time.Duration;
import java.util.HashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** 20,000 requested messages go to SpotHit in bulk calls, each recipient exactly once, each SENT. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "missive.spothit.api-key=bulk-key",
        "missive.spothit.dispatch.batch-size=500",
        "missive.spothit.dispatch.linger=200ms",
        "missive.spothit.dispatch.max-calls-per-second=40"})
class BulkDispatchIntegrationTest {

    private static final int CAMPAIGNS = 2;
    private static final int PER_CAMPAIGN = 10_000;
    private static final int BATCH_SIZE = 500;

    static final SpotHitSimulator spotHit = SpotHitSimulator.start(SpotHitSimulatorConfig.forTests("bulk-key"));

    @DynamicPropertySource
    static void spotHitUrl(DynamicPropertyRegistry registry) {
        registry.add("missive.spothit.base-url", spotHit::baseUrl);
    }

    @AfterAll
    static void stopSimulator() {
        spotHit.close();
    }

    @Test
    void twentyThousandMessagesReachSpotHitOnceEachInBulkCallsAndAreAllSent(TestNamespace namespace) {
        var requested = new HashMap<String, MessageRequested>();
        try (var statuses = KafkaProbe.fromNow(namespace, Topics.STATUS); var producer = new TestProducer(namespace)) {
            for (int campaign = 1; campaign <= CAMPAIGNS; campaign++) {
                for (int i = 0; i < PER_CAMPAIGN; i++) {
                    var message = Requests.personalised("bulk-campaign-" + campaign, Requests.phone(campaign, i), i);
                    requested.put(message.getMessageId(), message);
                    producer.sendAsync(Topics.SPOTHIT_REQUESTED, message.getMessageId(), message);
                }
            }
            producer.flush();
            long started = System.nanoTime();

            var events = statuses.awaitEvents(StatusUpdated.class, Requests::settled, CAMPAIGNS * PER_CAMPAIGN, Duration.ofMinutes(3));
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

            var accepted = spotHit.acceptedCalls();
            System.out.printf("figure=bulk_dispatch messages=%d calls=%d maxRecipientsPerCall=%d elapsedMs=%d maxCallsInAnySecond=%d%n",
                    requested.size(), accepted.size(), accepted.stream().mapToInt(SpotHitCall::recipients).max().orElse(0),
                    elapsedMillis, spotHit.maxCallsInAnySecond());

            // Each recipient reached SpotHit exactly once, with its own variables, in bulk calls of the configured size.
            assertThat(spotHit.totalAccepted()).isEqualTo(CAMPAIGNS * PER_CAMPAIGN);
            assertThat(spotHit.duplicatedPhones()).isEmpty();
            assertThat(accepted).allSatisfy(call -> assertThat(call.recipients()).isBetween(1, BATCH_SIZE));
            assertThat(accepted.size()).as("bulk calls, not one per message").isLessThan(CAMPAIGNS * PER_CAMPAIGN / 50);
            var byPhone = spotHit.acceptedMessages().stream()
                    .collect(Collectors.toMap(AcceptedMessage::phone, Function.identity()));
            requested.values().forEach(message ->
                    assertThat(byPhone.get(message.getPhone()).text()).isEqualTo(message.getBody()));
            // SpotHit campaigns never mix our campaigns.
            var campaignsPerSpotHitId = spotHit.acceptedMessages().stream().collect(Collectors.groupingBy(
                    AcceptedMessage::campaignId, Collectors.mapping(m -> m.phone().substring(0, 6), Collectors.toSet())));
            assertThat(campaignsPerSpotHitId.values()).allSatisfy(prefixes -> assertThat(prefixes).hasSize(1));

            // One SENT per message, naming SpotHit's id for that phone, with the same E.164 phone.
            assertThat(events).allSatisfy(event -> {
                assertThat(event.getStatus()).isEqualTo(Status.SENT);
                assertThat(event.getSource()).isEqualTo("spothit-dispatcher");
            });
            var sentByMessage = events.stream().collect(Collectors.toMap(StatusUpdated::getMessageId, Function.identity(), (a, b) -> a));
            assertThat(sentByMessage).hasSize(CAMPAIGNS * PER_CAMPAIGN);
            sentByMessage.forEach((messageId, sent) -> {
                var phone = requested.get(messageId).getPhone();
                assertThat(sent.getPhone()).isEqualTo(phone);
                assertThat(sent.getProviderMessageId()).isEqualTo(byPhone.get(phone).campaignId());
            });

            // One IN_PROGRESS per message, announced before its SENT (the probe keeps arrival order per key).
            var announced = statuses.events(StatusUpdated.class);
            var inProgress = announced.stream().filter(event -> event.getStatus() == Status.IN_PROGRESS).toList();
            assertThat(inProgress).extracting(StatusUpdated::getMessageId).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(requested.keySet());
            var firstStatus = announced.stream().collect(Collectors.toMap(StatusUpdated::getMessageId, StatusUpdated::getStatus, (a, b) -> a));
            assertThat(firstStatus.values()).containsOnly(Status.IN_PROGRESS);
        }
    }
}
