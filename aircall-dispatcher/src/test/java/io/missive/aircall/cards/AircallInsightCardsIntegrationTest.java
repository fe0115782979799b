package io.missive.aircall.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.missive.events.AircallCallEvent;
import io.missive.events.ChildRecord;
import io.missive.events.ParentRecord;
import io.missive.events.Provider;
import io.missive.events.Status;
import io.missive.events.StatusUpdated;
import io.missive.schemas.topics.Topics;
import io.missive.simulators.aircall.AircallSimulator;
import io.missive.simulators.aircall.AircallSimulatorConfig;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.access.AccessTokens;
import io.missive.testkit.data.SampleEvents;
import io.missive.testkit.kafka.KafkaProbe;
import io.missive.testkit.kafka.TestProducer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Insight cards on the real broker and database against the Aircall simulator over HTTP: the
 * directory comes from missive.directory, the last message from the ledger, the card from a call
 * event of the insight-cards webhook; a card past its 30 s is dropped and counted, never posted.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AircallInsightCardsIntegrationTest {

    private static final AircallSimulator aircall = AircallSimulator.start(AircallSimulatorConfig.forTests()
            .withRateLimit(100, Duration.ofSeconds(1)));
    private static final AtomicLong calls = new AtomicLong(910_000);
    private static final Duration WAIT = Duration.ofSeconds(20);

    @DynamicPropertySource
    static void aircallProperties(DynamicPropertyRegistry registry) {
        registry.add("AIRCALL_ENABLED", () -> "true");
        registry.add("AIRCALL_MESSAGE_ENABLED", () -> "true");
        registry.add("AIRCALL_API_ID", () -> aircall.config().apiId());
        registry.add("AIRCALL_API_TOKEN", () -> aircall.config().apiToken());
        registry.add("AIRCALL_BASE_URL", aircall::baseUrl);
        registry.add("missive.aircall.rate-limit.requests", () -> 100);
        registry.add("missive.aircall.rate-limit.window", () -> "1s");
        registry.add("missive.aircall.rate-limit.clock-margin", () -> "20ms");
        registry.add("missive.aircall.poll-interval", () -> "50ms");
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void stopSimulator() {
        aircall.close();
    }

    @Test
    void aKnownParentsCallShowsTheirNameTheirChildrenAndTheLastMessageThisLineSentThem(TestNamespace namespace) {
        var phone = "+33611220001";
        try (var producer = new TestProducer(namespace); var statuses = KafkaProbe.fromNow(namespace, Topics.STATUS)) {
            producer.send(Topics.DIRECTORY, "parent:p-card-1", ParentRecord.newBuilder().setId("p-card-1")
                    .setPhone("06 11 22 00 01").setFirstName("Claire").build());
            producer.send(Topics.DIRECTORY, "child:c-card-1", ChildRecord.newBuilder().setId("c-card-1")
                    .setFirstName("Tom").setParentId("p-card-1").build());
            producer.send(Topics.DIRECTORY, "child:c-card-2", ChildRecord.newBuilder().setId("c-card-2")
                    .setFirstName("Léa").setParentId("p-card-1").build());
            var earlier = SampleEvents.messageRequested(Provider.AIRCALL, "campaign-cards-1", phone, "Rappel : atelier lecture jeudi")
                    .setParentId("p-card-1").setAircallNumberId(AircallSimulatorConfig.DEFAULT_NUMBER_ID).build();
            var last = SampleEvents.messageRequested(Provider.AIRCALL, "campaign-cards-2", phone, "Bonjour Claire, à demain 17 h !")
                    .setParentId("p-card-1").setAircallNumberId(AircallSimulatorConfig.DEFAULT_NUMBER_ID).build();
            producer.send(Topics.AIRCALL_REQUESTED, earlier.getMessageId(), earlier);
            statuses.awaitEvent(StatusUpdated.class, s -> s.getStatus() == Status.SENT
                    && earlier.getMessageId().equals(s.getMessageId()), WAIT);
            producer.send(Topics.AIRCALL_REQUESTED, last.getMessageId(), last);
            statuses.awaitEvent(StatusUpdated.class, s -> s.getStatus() == Status.SENT
                    && last.getMessageId().equals(s.getMessageId()), WAIT);

            var callId = ring(producer, phone, Instant.now(), true);

            var card = await().atMost(WAIT).until(() -> aircall.insightCardsOf(callId), cards -> !cards.isEmpty()).getFirst();
            assertThat(card.title()).isEqualTo("Claire");
            assertThat(card.shortText("Enfants")).isEqualTo("Léa, Tom");
            assertThat(card.shortText("Dernier message")).startsWith("« Bonjour Claire, à demain 17 h ! » (");
            assertThat(card.shortText("Statut")).isEqualTo("Envoyé");
            assertThat(card.json()).contains("\"type\":\"title\"", "\"type\":\"shortText\"").doesNotContain(phone);
        }
    }

    @Test
    void aNumberTheDirectoryDoesNotKnowGetsInformationIndisponibleAndACallAnnouncedTwiceGetsOneCard(TestNamespace namespace) {
        try (var producer = new TestProducer(namespace)) {
            var callId = ring(producer, "+33611229999", Instant.now(), true);
            var event = callEvent(callId, "+33611229999", Instant.now(), true).setEvent("call.ringing_on_agent").build();
            producer.send(Topics.AIRCALL_CALLS, callId, event);
            var hidden = ring(producer, null, Instant.now(), true);

            var card = await().atMost(WAIT).until(() -> aircall.insightCardsOf(callId), cards -> !cards.isEmpty()).getFirst();
            assertThat(card.title()).isEqualTo("Information indisponible");
            assertThat(card.contents()).hasSize(1);
            var hiddenCard = await().atMost(WAIT).until(() -> aircall.insightCardsOf(hidden), cards -> !cards.isEmpty()).getFirst();
            assertThat(hiddenCard.title()).isEqualTo("Information indisponible");
            // the second announcement of the same call is not a second card
            var notFlagged = ring(producer, "+33611229998", Instant.now(), false);
            var marker = ring(producer, "+33611229997", Instant.now(), true);
            await().atMost(WAIT).until(() -> !aircall.insightCardsOf(marker).isEmpty());
            assertThat(aircall.insightCardsOf(callId)).hasSize(1);
            assertThat(aircall.insightCardsOf(notFlagged)).as("a call of the calls webhook is not a card").isEmpty();
        }
    }

    @Test
    void aCardOlderThanThirtySecondsIsDroppedAndCountedNeverPosted(TestNamespace namespace) {
        double droppedBefore = dropped();
        try (var producer = new TestProducer(namespace)) {
            var stale = ring(producer, "+33611229996", Instant.now().minusSeconds(31), true);
            var fresh = ring(producer, "+33611229995", Instant.now(), true);

            await().atMost(WAIT).until(() -> !aircall.insightCardsOf(fresh).isEmpty());
            await().atMost(WAIT).until(() -> dropped() >= droppedBefore + 1);
            assertThat(aircall.insightCardsOf(stale)).isEmpty();
        }
        assertThat(get("/actuator/prometheus")).contains("missive_aircall_insight_cards_total{", "outcome=\"posted\"");
    }

    private static String ring(TestProducer producer, String phone, Instant at, boolean insightCard) {
        var callId = Long.toString(calls.incrementAndGet());
        producer.send(Topics.AIRCALL_CALLS, callId, callEvent(callId, phone, at, insightCard).build());
        return callId;
    }

    private static AircallCallEvent.Builder callEvent(String callId, String phone, Instant at, boolean insightCard) {
        return AircallCallEvent.newBuilder()
                .setEventId("evt-" + callId + "-" + at.toEpochMilli())
                .setOccurredAt(at)
                .setCallId(callId)
                .setEvent("call.created")
                .setDirection("inbound")
                .setStatus("initial")
                .setPhone(phone)
                .setNumberId(AircallSimulatorConfig.DEFAULT_NUMBER_ID)
                .setInsightCard(insightCard);
    }

    private double dropped() {
        var matcher = Pattern.compile("missive_aircall_insight_cards_total\\{[^}]*outcome=\"dropped\"[^}]*} ([0-9.eE+-]+)")
                .matcher(get("/actuator/prometheus"));
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private String get(String path) {
        try (var http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Authorization", AccessTokens.bearer(AccessTokens.testKey().allScopes())).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
