package io.missive.aircall.dispatch;

import static io.missive.aircall.dispatch.AircallTestMessages.phone;
import static io.missive.aircall.dispatch.AircallTestMessages.requested;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.missive.events.AircallMessageRecorded;
import io.missive.events.MessageRequested;
import io.missive.events.Provider;
import io.missive.events.Status;
import io.missive.events.StatusUpdated;
import io.missive.schemas.topics.Topics;
import io.missive.simulators.aircall.AircallSimulator;
import io.missive.simulators.aircall.AircallSimulatorConfig;
import io.missive.simulators.aircall.SendAttempt;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.access.AccessTokens;
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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dispatcher against the Aircall simulator over HTTP, on the real broker and database: one call
 * per message, SENT with the Aircall id and the outbound record, immediate failures for what
 * retrying cannot fix, durable retries with the configured delays, the safeguard, and 429s waited out.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AircallDispatchIntegrationTest {

    private static final Duration DELAY_UNIT = Duration.ofMillis(300);
    private static final String UNSAFE_PHONE = "+33699999999";
    private static final String BAD_NUMBER = "+3312";
    private static final AircallSimulator aircall = AircallSimulator.start(AircallSimulatorConfig.forTests()
            .withRateLimit(100, Duration.ofSeconds(1)));

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
        registry.add("missive.aircall.retry.delay-unit", () -> DELAY_UNIT.toMillis() + "ms");
        registry.add("missive.aircall.poll-interval", () -> "50ms");
        registry.add("missive.aircall.request-timeout", () -> "1s");
        registry.add("SPOT_HIT_SAFEGUARD", () -> "true");
        // Every test number is safe but one.
        registry.add("missive.aircall.safe-phone-numbers", () -> String.join(",", safePhones()));
    }

    private static List<String> safePhones() {
        var phones = new ArrayList<String>(List.of(BAD_NUMBER));
        for (int prefix = 10; prefix < 20; prefix++) {
            for (int i = 0; i < 5; i++) {
                phones.add(phone(prefix, i));
            }
        }
        return phones;
    }

    @LocalServerPort
    int port;

    @AfterAll
    static void stopSimulator() {
        aircall.close();
    }

    @Test
    void sendsOneCallWithTheSupportersNumberAndAnnouncesSentWithTheOutboundRecord(TestNamespace namespace) {
        var message = requested("campaign-sent", phone(10, 0), "Bonjour, c'est Claire.");
        try (var statuses = KafkaProbe.fromNow(namespace, Topics.STATUS);
             var records = KafkaProbe.fromNow(namespace, Topics.AIRCALL_MESSAGES);
             var producer = new TestProducer(namespace)) {
            producer.send(Topics.AIRCALL_REQUESTED, message.getMessageId(), message);
            producer.send(Topics.AIRCALL_REQUESTED, message.getMessageId(), message);

            var sent = statuses.awaitEvent(StatusUpdated.class, s -> s.getStatus() == Status.SENT
                    && message.getMessageId().equals(s.getMessageId()), Duration.ofSeconds(20));
            var accepted = aircall.acceptedTo(phone(10, 0));
            assertThat(accepted).singleElement().satisfies(call -> {
                assertThat(call.numberId()).isEqualTo(AircallSimulatorConfig.DEFAULT_NUMBER_ID);
                assertThat(call.body()).isEqualTo("Bonjour, c'est Claire.");
            });
            var aircallId = Long.toString(accepted.getFirst().id());
            assertThat(sent.getProvider()).isEqualTo(Provider.AIRCALL);
            assertThat(sent.getProviderMessageId()).isEqualTo(aircallId);
            assertThat(sent.getPhone()).isEqualTo(phone(10, 0));
            assertThat(sent.getSource()).isEqualTo("aircall-dispatcher");
            assertThat(sent.getAttempts()).isEqualTo(1);

            var record = records.awaitEvent(AircallMessageRecorded.class, r -> r.getAircallMessageId().equals(aircallId),
                    Duration.ofSeconds(10));
            assertThat(record.getMessageId()).isEqualTo(message.getMessageId());
            assertThat(record.getParentId()).isEqualTo(message.getParentId());
            assertThat(record.getCallerId()).isEqualTo("9");
            assertThat(record.getNumberId()).isEqualTo(AircallSimulatorConfig.DEFAULT_NUMBER_ID);
            assertThat(record.getBody()).isEqualTo("Bonjour, c'est Claire.");
            assertThat(record.getStatus()).isEqualTo("sent");
            assertThat(record.getDirection()).isEqualTo("outbound");
            assertThat(records.records()).filteredOn(r -> r.key().equals(aircallId)).hasSize(1);

            statuses.assertNoneArrive(Duration.ofMillis(500));
            assertThat(aircall.attemptsTo(phone(10, 0))).hasSize(1);
        }

        var dispatch = get("/api/v1/aircall/dispatches/" + message.getMessageId());
        assertThat(dispatch.statusCode()).isEqualTo(200);
        assertThat(dispatch.body()).contains("\"state\":\"SENT\"", "\"attempts\":1",
                "\"aircallMessageId\":\"" + aircall.acceptedTo(phone(10, 0)).getFirst().id() + "\"");
        var unknown = get("/api/v1/aircall/dispatches/no-such-message");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
        assertThat(get("/actuator/prometheus").body())
                .contains("missive_aircall_dispatch_outcomes_total{", "outcome=\"sent\"", "missive_aircall_dispatch_messages{");
    }

    private HttpResponse<String> get(String path) {
        try (var http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Authorization", AccessTokens.bearer(AccessTokens.testKey().allScopes())).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void failsAtOnceWhatRetryingCannotFix(TestNamespace namespace) {
        var badNumber = requested("campaign-bad", BAD_NUMBER, "Bonjour");
        var unknownLine = requested("campaign-bad", phone(11, 1), "Bonjour", "999");
        var tooLong = requested("campaign-bad", phone(11, 2), "a".repeat(1601));
        // The scheduler should not send one, but a message without a supporter's Aircall number still ends FAILED.
        var noLine = MessageRequested.newBuilder(requested("campaign-bad", phone(11, 3), "Bonjour")).setAircallNumberId(null).build();
        try (var statuses = KafkaProbe.fromNow(namespace, Topics.STATUS); var producer = new TestProducer(namespace)) {
            for (var message : List.of(badNumber, unknownLine, tooLong, noLine)) {
                producer.send(Topics.AIRCALL_REQUESTED, message.getMessageId(), message);
            }

            await().atMost(Duration.ofSeconds(20)).until(() -> finalStatuses(statuses).size() == 4);
            var failed = finalStatuses(statuses);
            assertThat(failed).allSatisfy(status -> {
                assertThat(status.getStatus()).isEqualTo(Status.FAILED);
                assertThat(status.getProvider()).isEqualTo(Provider.AIRCALL);
                assertThat(status.getAttempts()).isLessThanOrEqualTo(1);
            });
            assertThat(reasonOf(failed, badNumber.getMessageId())).startsWith("AIRCALL_422");
            assertThat(reasonOf(failed, unknownLine.getMessageId())).startsWith("AIRCALL_404");
            assertThat(reasonOf(failed, tooLong.getMessageId())).isEqualTo("BODY_TOO_LONG");
            assertThat(reasonOf(failed, noLine.getMessageId())).isEqualTo("NO_AIRCALL_NUMBER");
            assertThat(aircall.attemptsTo(BAD_NUMBER)).hasSize(1);
            assertThat(aircall.attemptsTo(phone(11, 1))).hasSize(1);
            assertThat(aircall.attemptsTo(phone(11, 2))).isEmpty();
        }
    }

    @Test
    void theSafeguardFailsNumbersThatAreNotSafe(TestNamespace namespace) {
        var unsafe = requested("campaign-safeguard", UNSAFE_PHONE, "Bonjour");
        try (var statuses = KafkaProbe.fromNow(namespace, Topics.STATUS); var producer = new TestProducer(namespace)) {
            producer.send(Topics.AIRCALL_REQUESTED, unsafe.getMessageId(), unsafe);

            var failed = statuses.awaitEvent(StatusUpdated.class, s -> unsafe.getMessageId().equals(s.getMessageId()),
                    Duration.ofSeconds(20));
            assertThat(failed.getStatus()).isEqualTo(Status.FAILED);
            assertThat(failed.getReason()).isEqualTo("SAFEGUARD");
            assertThat(aircall.attemptsTo(UNSAFE_PHONE)).isEmpty();
        }
    }

    @Test
    void afterThreeFailedAttemptsItIsSentOnTheFourthWithTheConfiguredDelays(TestNamespace namespace) {
        var to = phone(12, 0);
        aircall.faults().failFirstAttemptsTo(to, 3, 503);
        var message = requested("campaign-retry", to, "Bonjour");
        try (var statuses = KafkaProbe.fromNow(namespace, Topics.STATUS); var producer = new TestProducer(namespace)) {
            producer.send(Topics.AIRCALL_REQUESTED, message.getMessageId(), message);

            var sent = statuses.awaitEvent(StatusUpdated.class, s -> s.getStatus() == Status.SENT
                    && message.getMessageId().equals(s.getMessageId()), Duration.ofSeconds(30));
            assertThat(sent.getAttempts()).isEqualTo(4);
            var attempts = aircall.attemptsTo(to);
            assertThat(attempts).extracting(SendAttempt::status).containsExactly(503, 503, 503, 200);
            // Waits of 1, 2 and 3 units: 60 × (attempt + 1) minutes, scaled down.
            for (int i = 1; i < attempts.size(); i++) {
                var gap = Duration.between(attempts.get(i - 1).at(), attempts.get(i).at());
                assertThat(gap).isBetween(DELAY_UNIT.multipliedBy(i), DELAY_UNIT.multipliedBy(i).plusSeconds(2));
            }
            var inProgress = statuses.events(StatusUpdated.class).stream()
                    .filter(s -> message.getMessageId().equals(s.getMessageId()) && s.getStatus() == Status.IN_PROGRESS)
                    .filter(s -> s.getAttempts() > 0)
                    .toList();
            assertThat(inProgress).isNotEmpty().allSatisfy(s -> assertThat(s.getReason()).startsWith("AIRCALL_503"));
        }
    }

    @Test
    void afterTenFailedAttemptsItEndsFailedWithTheLastError(TestNamespace namespace) {
        var to = phone(13, 0);
        // Refused credentials: our request is at fault, not an Aircall outage, so the attempts are the budget.
        aircall.faults().failFirstAttemptsTo(to, 10, 401);
        var message = requested("campaign-exhausted", to, "Bonjour");
        try (var statuses = KafkaProbe.fromNow(namespace, Topics.STATUS); var producer = new TestProducer(namespace)) {
            producer.send(Topics.AIRCALL_REQUESTED, message.getMessageId(), message);

            var failed = statuses.awaitEvent(StatusUpdated.class, s -> s.getStatus() == Status.FAILED
                    && message.getMessageId().equals(s.getMessageId()), Duration.ofSeconds(60));
            assertThat(failed.getAttempts()).isEqualTo(10);
            assertThat(failed.getReason()).startsWith("AIRCALL_401");
            assertThat(aircall.attemptsTo(to)).hasSize(10).allSatisfy(a -> assertThat(a.status()).isEqualTo(401));
            assertThat(aircall.acceptedTo(to)).isEmpty();
        }
    }

    @Test
    void anOutageThatOutlastsTheAttemptsIsRetriedUntilItsDeadlineAndTheMessageSent(TestNamespace namespace) {
        var to = phone(16, 0);
        // Twelve 502s: two more than the attempts allow. Aircall is down, the message is not at fault.
        aircall.faults().failFirstAttemptsTo(to, 12, 502);
        var message = requested("campaign-outage", to, "Bonjour");
        try (var statuses = KafkaProbe.fromNow(namespace, Topics.STATUS); var producer = new TestProducer(namespace)) {
            producer.send(Topics.AIRCALL_REQUESTED, message.getMessageId(), message);

            var sent = statuses.awaitEvent(StatusUpdated.class, s -> s.getStatus() == Status.SENT
                    && message.getMessageId().equals(s.getMessageId()), Duration.ofSeconds(90));
            assertThat(sent.getAttempts()).isEqualTo(13);
            assertThat(aircall.attemptsTo(to)).extracting(SendAttempt::status).endsWith(502, 502, 200).hasSize(13);
            assertThat(aircall.acceptedTo(to)).hasSize(1);
            assertThat(statuses.events(StatusUpdated.class)).filteredOn(s -> message.getMessageId().equals(s.getMessageId()))
                    .extracting(StatusUpdated::getStatus).doesNotContain(Status.FAILED);
        }
    }

    @Test
    void a429BurstIsWaitedOutUntilTheResetItNames(TestNamespace namespace) {
        var to = phone(14, 0);
        var message = requested("campaign-throttled", to, "Bonjour");
        try (var statuses = KafkaProbe.fromNow(namespace, Topics.STATUS); var producer = new TestProducer(namespace)) {
            aircall.faults().throttleNext(1);
            producer.send(Topics.AIRCALL_REQUESTED, message.getMessageId(), message);

            var sent = statuses.awaitEvent(StatusUpdated.class, s -> s.getStatus() == Status.SENT
                    && message.getMessageId().equals(s.getMessageId()), Duration.ofSeconds(20));
            var attempts = aircall.attemptsTo(to);
            assertThat(attempts).extracting(SendAttempt::status).containsExactly(429, 200);
            // The simulator's reset is the end of the current one-second window, in whole seconds.
            var reset = Instant.ofEpochSecond(attempts.get(0).at().getEpochSecond() + 1);
            assertThat(attempts.get(1).at()).isAfterOrEqualTo(reset);
            assertThat(sent.getAttempts()).as("a 429 is not an attempt").isEqualTo(1);
            assertThat(aircall.overLimitRequests()).isZero();
        }
    }

    @Test
    void aTimeoutAfterSendingIsNotSentAgainButFailsAsUnknownOutcome(TestNamespace namespace) {
        var to = phone(15, 0);
        var message = requested("campaign-timeout", to, "Bonjour");
        try (var statuses = KafkaProbe.fromNow(namespace, Topics.STATUS); var producer = new TestProducer(namespace)) {
            // Aircall takes the message but answers after the dispatcher gave up waiting.
            aircall.faults().hangNext(1, Duration.ofSeconds(2), true);
            producer.send(Topics.AIRCALL_REQUESTED, message.getMessageId(), message);

            var failed = statuses.awaitEvent(StatusUpdated.class, s -> s.getStatus() == Status.FAILED
                    && message.getMessageId().equals(s.getMessageId()), Duration.ofSeconds(20));
            assertThat(failed.getReason()).isEqualTo("UNKNOWN_OUTCOME");
            await().atMost(Duration.ofSeconds(5)).until(() -> aircall.acceptedTo(to).size() == 1);
            statuses.assertNoneArrive(Duration.ofSeconds(1));
            assertThat(aircall.attemptsTo(to)).as("never re-sent blindly").hasSize(1);
        }
    }

    /** Every status but IN_PROGRESS, which announces that the dispatcher took the message. */
    private static List<StatusUpdated> finalStatuses(KafkaProbe statuses) {
        statuses.records();
        return statuses.events(StatusUpdated.class).stream().filter(s -> s.getStatus() != Status.IN_PROGRESS).toList();
    }

    private static String reasonOf(List<StatusUpdated> statuses, String messageId) {
        return statuses.stream().filter(s -> messageId.equals(s.getMessageId())).findFirst().orElseThrow().getReason();
    }
}
