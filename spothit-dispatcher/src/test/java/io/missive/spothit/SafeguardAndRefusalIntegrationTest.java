package io.missive.spothit;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.events.Status;
import io.missive.events.StatusUpdated;
import io.missive.schemas.access.Scopes;
import io.missive.schemas.topics.Topics;
import io.missive.simulators.spothit.AcceptedMessage;
import io.missive.simulators.spothit.SpotHitSimulator;
import io.missive.simulators.spothit.SpotHitSimulatorConfig;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.access.AccessTokens;
import io.missive.testkit.kafka.KafkaProbe;
import io.missive.testkit.kafka.TestProducer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The safeguard lets only safe numbers through; SpotHit's definitive refusals become FAILED with
 * the code and its meaning; MMS go through the MMS endpoint; a redelivered record is not sent again;
 * a malformed record goes to the dead-letter topic and the dispatcher goes on.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "missive.spothit.api-key=safe-key",
        "missive.spothit.sender=Missive",
        "missive.spothit.safeguard=true",
        "missive.spothit.safe-phone-numbers=+33600000001, +33600000002,+3361",
        "missive.spothit.dispatch.linger=50ms",
        // The simulator serves the attachment on this machine: the devstack's own host, named explicitly.
        "missive.attachment.local-hosts=localhost"})
class SafeguardAndRefusalIntegrationTest {

    private static final String SAFE_1 = "+33600000001";
    private static final String SAFE_2 = "+33600000002";
    private static final String INVALID_BUT_SAFE = "+3361";

    static final SpotHitSimulator spotHit = SpotHitSimulator.start(SpotHitSimulatorConfig.forTests("safe-key"));

    @DynamicPropertySource
    static void spotHitUrl(DynamicPropertyRegistry registry) {
        registry.add("missive.spothit.base-url", spotHit::baseUrl);
    }

    @AfterAll
    static void stopSimulator() {
        spotHit.close();
    }

    @AfterEach
    void reset() {
        spotHit.reset();
    }

    @Test
    void onlySafeNumbersReachSpotHitAndTheOthersAreFailedWithSafeguard(TestNamespace namespace) throws Exception {
        try (var statuses = KafkaProbe.fromNow(namespace, Topics.STATUS); var producer = new TestProducer(namespace)) {
            var safe = Requests.personalised("safeguard", SAFE_1, 1);
            var unsafe1 = Requests.personalised("safeguard", "+33612340001", 2);
            var unsafe2 = Requests.personalised("safeguard", "+33612340002", 3);
            for (var message : java.util.List.of(safe, unsafe1, unsafe2)) {
                producer.send(Topics.SPOTHIT_REQUESTED, message.getMessageId(), message);
            }

            var events = statuses.awaitEvents(StatusUpdated.class, Requests::settled, 3, Duration.ofSeconds(30));

            assertThat(spotHit.acceptedPhones()).containsOnlyKeys(SAFE_1);
            assertThat(events).filteredOn(e -> e.getStatus() == Status.FAILED)
                    .extracting(StatusUpdated::getMessageId, StatusUpdated::getReason)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(unsafe1.getMessageId(), "SAFEGUARD"),
                            org.assertj.core.groups.Tuple.tuple(unsafe2.getMessageId(), "SAFEGUARD"));
            assertThat(events).filteredOn(e -> e.getStatus() == Status.SENT).singleElement()
                    .satisfies(sent -> assertThat(sent.getMessageId()).isEqualTo(safe.getMessageId()));
            assertThat(spotHit.acceptedMessages()).singleElement()
                    .satisfies(message -> assertThat(message.sender()).isEqualTo("Missive"));
            assertThat(prometheus()).contains("missive_spothit_messages_total{reason=\"SAFEGUARD\"")
                    .contains("missive_spothit_calls_total{channel=\"SMS\",mms=\"false\",outcome=\"accepted\"");
        }
    }

    @LocalServerPort
    int port;

    private String prometheus() throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .header("Authorization", AccessTokens.bearer(AccessTokens.testKey().mint(Scopes.OPS_READ))).build();
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            return http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    @Test
    void aDefinitiveRefusalFailsTheMessageWithSpotHitsCodeAndMeaning(TestNamespace namespace) {
        try (var statuses = KafkaProbe.fromNow(namespace, Topics.STATUS); var producer = new TestProducer(namespace)) {
            var message = Requests.plain("refused", INVALID_BUT_SAFE, "Bonjour");
            producer.send(Topics.SPOTHIT_REQUESTED, message.getMessageId(), message);

            var failed = statuses.awaitEvent(StatusUpdated.class, e -> Requests.settled(e) && e.getMessageId().equals(message.getMessageId()), Duration.ofSeconds(30));

            assertThat(failed.getStatus()).isEqualTo(Status.FAILED);
            assertThat(failed.getReason()).isEqualTo("SPOTHIT_6: Numéro de destinataire invalide");
            assertThat(spotHit.calls()).hasSize(1);
        }
    }

    @Test
    void aMessageWithAnAttachmentGoesThroughTheMmsEndpoint(TestNamespace namespace) {
        try (var statuses = KafkaProbe.fromNow(namespace, Topics.STATUS); var producer = new TestProducer(namespace)) {
            var mms = Requests.mms("mms-campaign", SAFE_2, "Une photo de l'atelier", spotHit.sampleImageUrl());
            producer.send(Topics.SPOTHIT_REQUESTED, mms.getMessageId(), mms);

            var sent = statuses.awaitEvent(StatusUpdated.class, e -> Requests.settled(e) && e.getMessageId().equals(mms.getMessageId()), Duration.ofSeconds(30));

            assertThat(sent.getStatus()).isEqualTo(Status.SENT);
            assertThat(spotHit.acceptedMessages()).singleElement().satisfies(message -> {
                assertThat(message.endpoint()).isEqualTo("mms");
                // The file went up first; the MMS names what the upload answered, never the URL.
                assertThat(message.attachment()).isEqualTo(spotHit.uploads().getFirst().mediaId());
                assertThat(message.campaignId()).isEqualTo(sent.getProviderMessageId());
            });
        }
    }

    @Test
    void aRedeliveredRecordIsNotSentAgainButItsStatusIsAnnouncedAgain(TestNamespace namespace) {
        try (var statuses = KafkaProbe.fromNow(namespace, Topics.STATUS); var producer = new TestProducer(namespace)) {
            var message = Requests.plain("redelivered", SAFE_1, "Rappel : atelier demain");
            producer.send(Topics.SPOTHIT_REQUESTED, message.getMessageId(), message);
            var first = statuses.awaitEvents(StatusUpdated.class, Requests::settled, 1, Duration.ofSeconds(30)).getFirst();

            producer.send(Topics.SPOTHIT_REQUESTED, message.getMessageId(), message);
            var again = statuses.awaitEvents(StatusUpdated.class, Requests::settled, 2, Duration.ofSeconds(30)).get(1);

            assertThat(spotHit.acceptedCount(SAFE_1)).isEqualTo(1);
            assertThat(again.getEventId()).as("the same event, recognisable downstream").isEqualTo(first.getEventId());
            assertThat(again.getStatus()).isEqualTo(Status.SENT);
        }
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndTheDispatcherGoesOn(TestNamespace namespace) {
        try (var statuses = KafkaProbe.fromNow(namespace, Topics.STATUS);
             var deadLetters = KafkaProbe.fromBeginning(namespace, namespace.deadLetterTopic(Topics.SPOTHIT_REQUESTED));
             var producer = new TestProducer(namespace)) {
            producer.sendRaw(Topics.SPOTHIT_REQUESTED, "garbage", "not avro".getBytes(StandardCharsets.UTF_8));
            var message = Requests.plain("after-garbage", SAFE_2, "Toujours là");
            producer.send(Topics.SPOTHIT_REQUESTED, message.getMessageId(), message);

            assertThat(deadLetters.awaitRecords(1, Duration.ofSeconds(30))).singleElement()
                    .satisfies(record -> assertThat(record.key()).isEqualTo("garbage"));
            var sent = statuses.awaitEvent(StatusUpdated.class, e -> Requests.settled(e) && e.getMessageId().equals(message.getMessageId()), Duration.ofSeconds(30));
            assertThat(sent.getStatus()).isEqualTo(Status.SENT);
            assertThat(spotHit.acceptedMessages()).extracting(AcceptedMessage::phone).containsExactly(SAFE_2);
        }
    }
}
