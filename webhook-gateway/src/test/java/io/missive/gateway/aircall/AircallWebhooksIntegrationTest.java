package io.missive.gateway.aircall;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.events.AircallCallEvent;
import io.missive.events.InboundKind;
import io.missive.events.InboundMessage;
import io.missive.events.OptOut;
import io.missive.events.Provider;
import io.missive.events.Status;
import io.missive.events.StatusUpdated;
import io.missive.gateway.GatewayClientTest;
import io.missive.schemas.ids.MessageIds;
import io.missive.schemas.topics.Topics;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.kafka.KafkaProbe;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Aircall's three webhooks, each behind its own token, against the real broker. */
@RealInfrastructure
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "missive.gateway.aircall.message-token=" + AircallWebhooksIntegrationTest.MESSAGE_TOKEN,
        "missive.gateway.aircall.call-token=" + AircallWebhooksIntegrationTest.CALL_TOKEN,
        "missive.gateway.aircall.event-message-status-updated-token=" + AircallWebhooksIntegrationTest.STATUS_TOKEN})
class AircallWebhooksIntegrationTest extends GatewayClientTest {

    static final String MESSAGE_TOKEN = "msg-7f3a9c";
    static final String CALL_TOKEN = "call-1b2c3d";
    static final String STATUS_TOKEN = "status-9e8d7c";
    private static final Duration WAIT = Duration.ofSeconds(15);

    static String message(String token, String event, long id, String direction, String status, String body) {
        return """
                {"resource":"message","event":"%s","timestamp":1764070000,"token":"%s",
                 "data":{"id":%d,"direction":"%s","status":"%s","external_number":"+33 6 12 34 56 78","body":"%s",
                         "number":{"id":4242,"digits":"+33 1 00 00 00 00"},"created_at":"2025-11-25T10:00:00Z"}}"""
                .formatted(event, token, id, direction, status, body);
    }

    @Test
    void statusUpdatesMapAircallStatusesAndNeverCallAMovingOneAFailure(TestNamespace namespace) {
        try (var status = KafkaProbe.fromNow(namespace, Topics.STATUS)) {
            var cases = List.of("delivered", "sent", "failed", "undelivered", "sending", "queued");
            for (int i = 0; i < cases.size(); i++) {
                var response = http.postJson("/aircall/events_messages_status_updated",
                        message(STATUS_TOKEN, "message.status_updated", 9100 + i, "outbound", cases.get(i), "Bonjour"));
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            }

            var events = status.awaitEvents(StatusUpdated.class, cases.size(), WAIT);
            assertThat(events).allSatisfy(event -> {
                assertThat(event.getProvider()).isEqualTo(Provider.AIRCALL);
                assertThat(event.getMessageId()).isNull();
                assertThat(event.getSource()).isEqualTo("aircall");
            });
            assertThat(events).extracting(StatusUpdated::getProviderMessageId, StatusUpdated::getStatus).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("9100", Status.DELIVERED),
                    org.assertj.core.groups.Tuple.tuple("9101", Status.SENT),
                    org.assertj.core.groups.Tuple.tuple("9102", Status.FAILED),
                    org.assertj.core.groups.Tuple.tuple("9103", Status.FAILED),
                    org.assertj.core.groups.Tuple.tuple("9104", Status.IN_PROGRESS),
                    org.assertj.core.groups.Tuple.tuple("9105", Status.IN_PROGRESS));
            assertThat(status.records()).extracting(r -> r.key())
                    .containsExactlyInAnyOrder("9100", "9101", "9102", "9103", "9104", "9105");
            var delivered = events.stream().filter(e -> e.getProviderMessageId().equals("9100")).findFirst().orElseThrow();
            assertThat(delivered.getEventId()).isEqualTo(MessageIds.eventIdFrom("aircall", "9100", "message.status_updated", "1764070000", "delivered"));
            assertThat(delivered.getOccurredAt().getEpochSecond()).isEqualTo(1764070000L);
        }
    }

    @Test
    void aSentMessageBecomesSentByItsAircallId(TestNamespace namespace) {
        try (var status = KafkaProbe.fromNow(namespace, Topics.STATUS)) {
            var response = http.postJson("/aircall/messages", message(MESSAGE_TOKEN, "message.sent", 9200, "outbound", "sent", "Rappel"));

            assertThat(response.statusCode()).isEqualTo(200);
            var event = status.awaitEvents(StatusUpdated.class, 1, WAIT).getFirst();
            assertThat(status.records().getFirst().key()).isEqualTo("9200");
            assertThat(event.getStatus()).isEqualTo(Status.SENT);
            assertThat(event.getProviderMessageId()).isEqualTo("9200");
            assertThat(event.getPhone()).isEqualTo("+33612345678");
        }
    }

    @Test
    void aReceivedMessageIsAnInboundMessageAndAStopOptsOut(TestNamespace namespace) {
        try (var inbound = KafkaProbe.fromNow(namespace, Topics.INBOUND);
             var optOuts = KafkaProbe.fromNow(namespace, Topics.OPTOUTS)) {
            assertThat(http.postJson("/aircall/messages", message(MESSAGE_TOKEN, "message.received", 9300, "inbound", "received",
                    "Merci pour la vidéo")).statusCode()).isEqualTo(200);
            var reply = inbound.awaitEvents(InboundMessage.class, 1, WAIT).getFirst();
            assertThat(reply.getProvider()).isEqualTo(Provider.AIRCALL);
            assertThat(reply.getKind()).isEqualTo(InboundKind.REPLY);
            assertThat(reply.getPhone()).isEqualTo("+33612345678");
            assertThat(reply.getBody()).isEqualTo("Merci pour la vidéo");
            assertThat(reply.getProviderMessageId()).isEqualTo("9300");
            assertThat(reply.getAircallNumberId()).isEqualTo("4242");
            assertThat(inbound.records().getFirst().key()).isEqualTo("+33612345678");

            assertThat(http.postJson("/aircall/messages", message(MESSAGE_TOKEN, "message.received", 9301, "inbound", "received",
                    "Stop")).statusCode()).isEqualTo(200);
            var optOut = optOuts.awaitEvents(OptOut.class, 1, WAIT).getFirst();
            assertThat(optOut.getPhone()).isEqualTo("+33612345678");
            assertThat(optOut.getProvider()).isEqualTo(Provider.AIRCALL);
            assertThat(optOuts.records().getFirst().key()).isEqualTo("+33612345678");
            assertThat(inbound.awaitEvents(InboundMessage.class, 2, WAIT).get(1).getKind()).isEqualTo(InboundKind.STOP);
        }
    }

    @Test
    void aCallWebhookBecomesACallEventKeyedByCallId(TestNamespace namespace) {
        try (var calls = KafkaProbe.fromNow(namespace, Topics.AIRCALL_CALLS)) {
            var response = http.postJson("/aircall/calls", """
                    {"resource":"call","event":"call.ended","timestamp":1764070100,"token":"%s",
                     "data":{"id":812345,"direction":"outbound","status":"done","raw_digits":"+33 6 99 88 77 66",
                             "duration":125,"number":{"id":4242},"user":{"id":77}}}""".formatted(CALL_TOKEN));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            var call = calls.awaitEvents(AircallCallEvent.class, 1, WAIT).getFirst();
            assertThat(calls.records().getFirst().key()).isEqualTo("812345");
            assertThat(call.getCallId()).isEqualTo("812345");
            assertThat(call.getEvent()).isEqualTo("call.ended");
            assertThat(call.getPhone()).isEqualTo("+33699887766");
            assertThat(call.getDurationSeconds()).isEqualTo(125);
            assertThat(call.getNumberId()).isEqualTo("4242");
            assertThat(call.getUserId()).isEqualTo("77");
            assertThat(call.getEventId()).isEqualTo(MessageIds.eventIdFrom("aircall", "812345", "call.ended", "1764070100"));
        }
    }

    @Test
    void wrongOrMissingTokensAre401AndBadPayloads400AndNothingIsPublished(TestNamespace namespace) {
        var good = message(MESSAGE_TOKEN, "message.sent", 9400, "outbound", "sent", "x");
        try (var status = KafkaProbe.fromNow(namespace, Topics.STATUS);
             var inbound = KafkaProbe.fromNow(namespace, Topics.INBOUND);
             var calls = KafkaProbe.fromNow(namespace, Topics.AIRCALL_CALLS)) {
            // another endpoint's token, a wrong one, none, one differing only at the end
            assertThat(http.postJson("/aircall/messages", good.replace(MESSAGE_TOKEN, STATUS_TOKEN)).statusCode()).isEqualTo(401);
            assertThat(http.postJson("/aircall/messages", good.replace(MESSAGE_TOKEN, "nope")).statusCode()).isEqualTo(401);
            assertThat(http.postJson("/aircall/messages", good.replace("\"token\":\"" + MESSAGE_TOKEN + "\",", "")).statusCode()).isEqualTo(401);
            assertThat(http.postJson("/aircall/messages", good.replace(MESSAGE_TOKEN, MESSAGE_TOKEN + "x")).statusCode()).isEqualTo(401);
            assertThat(http.postJson("/aircall/events_messages_status_updated", good).statusCode()).isEqualTo(401);
            assertThat(http.postJson("/aircall/calls", good).statusCode()).isEqualTo(401);
            // well authenticated, badly formed
            assertThat(http.postJson("/aircall/messages", "{\"token\":\"" + MESSAGE_TOKEN + "\", \"event\":").statusCode()).isEqualTo(400);
            assertThat(http.postJson("/aircall/messages", "[1,2,3]").statusCode()).isEqualTo(400);
            assertThat(http.postJson("/aircall/messages", "").statusCode()).isEqualTo(400);
            assertThat(http.postJson("/aircall/messages", good.replace("\"id\":9400,", "")).statusCode()).isEqualTo(400);
            assertThat(http.postJson("/aircall/messages", good.replace("\"message.sent\"", "42")).statusCode()).isEqualTo(400);
            assertThat(http.postJson("/aircall/messages", good.replace("1764070000", "\"yesterday\"")).statusCode()).isEqualTo(400);
            assertThat(http.postJson("/aircall/messages", message(MESSAGE_TOKEN, "message.received", 9401, "inbound", "received", "hi")
                    .replace("+33 6 12 34 56 78", "anonymous")).statusCode()).isEqualTo(400);
            assertThat(http.postJson("/aircall/events_messages_status_updated",
                    message(STATUS_TOKEN, "message.status_updated", 9402, "outbound", "", "x")).statusCode()).isEqualTo(400);
            assertThat(http.postJson("/aircall/calls", "{\"token\":\"" + CALL_TOKEN + "\",\"event\":\"call.ended\",\"data\":\"oops\"}")
                    .statusCode()).isEqualTo(400);
            var huge = good.replace("\"body\":\"x\"", "\"body\":\"" + "x".repeat(80_000) + "\"");
            assertThat(http.postJson("/aircall/messages", huge).statusCode()).isEqualTo(413);

            // a well-formed webhook after them: once it arrives, anything the bad ones published would have too
            assertThat(http.postJson("/aircall/messages", good).statusCode()).isEqualTo(200);
            status.awaitEvents(StatusUpdated.class, 1, WAIT);
            inbound.assertNoneArrive(Duration.ofMillis(300));
            calls.assertNoneArrive(Duration.ofMillis(300));
            assertThat(status.records()).extracting(r -> r.key()).containsExactly("9400");
        }
    }

    @Test
    void logsNeitherTokensNorWholePhoneNumbers(TestNamespace namespace, CapturedOutput output) {
        try (var inbound = KafkaProbe.fromNow(namespace, Topics.INBOUND)) {
            assertThat(http.postJson("/aircall/messages", message(MESSAGE_TOKEN, "message.received", 9600, "inbound", "received",
                    "Bonjour")).statusCode()).isEqualTo(200);
            assertThat(http.postJson("/aircall/messages", message("wrong-" + MESSAGE_TOKEN, "message.received", 9601, "inbound",
                    "received", "Bonjour")).statusCode()).isEqualTo(401);
            inbound.awaitEvents(InboundMessage.class, 1, WAIT);

            assertThat(output.getAll()).contains("aircallId=9600")
                    .doesNotContain(MESSAGE_TOKEN)
                    .doesNotContain("+33612345678")
                    .doesNotContain("+33 6 12 34 56 78");
        }
    }

    @Test
    void theTokenMayComeAsAQueryParameterAndUnhandledEventsAreAcknowledgedWithoutEvents(TestNamespace namespace) {
        try (var status = KafkaProbe.fromNow(namespace, Topics.STATUS)) {
            var noBodyToken = message(MESSAGE_TOKEN, "message.sent", 9500, "outbound", "sent", "x")
                    .replace("\"token\":\"" + MESSAGE_TOKEN + "\",", "");
            assertThat(http.postJson("/aircall/messages?token=" + MESSAGE_TOKEN, noBodyToken).statusCode()).isEqualTo(200);
            var ignored = http.postJson("/aircall/calls", "{\"token\":\"" + CALL_TOKEN + "\",\"event\":\"contact.created\",\"data\":{\"id\":1}}");
            assertThat(ignored.statusCode()).isEqualTo(200);
            assertThat(ignored.body()).contains("\"published\":0");

            status.awaitEvents(StatusUpdated.class, 1, WAIT);
            assertThat(status.records()).extracting(r -> r.key()).containsExactly("9500");
        }
    }
}
