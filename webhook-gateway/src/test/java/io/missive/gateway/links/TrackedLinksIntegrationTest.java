package io.missive.gateway.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.missive.events.LinkClicked;
import io.missive.events.MessagePlanned;
import io.missive.events.Provider;
import io.missive.gateway.GatewayClientTest;
import io.missive.schemas.topics.Topics;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.kafka.KafkaProbe;
import io.missive.testkit.kafka.TestProducer;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** {@code /r/{code}}: links registered from planned messages, clicks published, no open redirect. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "missive.gateway.aircall.message-token=m", "missive.gateway.aircall.call-token=c",
        "missive.gateway.aircall.event-message-status-updated-token=s"})
class TrackedLinksIntegrationTest extends GatewayClientTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    static MessagePlanned planned(String messageId, @Nullable String code, @Nullable String url) {
        return MessagePlanned.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now())
                .setMessageId(messageId)
                .setCampaignId("campaign-links")
                .setPhone("+33612345678")
                .setProvider(Provider.SPOTHIT)
                .setBody("Une nouvelle vidéo : https://m.example/r/" + code)
                .setSegments(1)
                .setEncoding("GSM7")
                .setPlannedAt(Instant.now())
                .setLinkCode(code)
                .setRedirectionUrl(url)
                .build();
    }

    @Test
    void aClickOnARegisteredLinkRedirectsToItsTargetAndIsPublished(TestNamespace namespace) {
        try (var producer = new TestProducer(namespace);
             var clicks = KafkaProbe.fromNow(namespace, Topics.LINKS_CLICKED)) {
            producer.send(Topics.PLANNED, "msg-link-1", planned("msg-link-1", "Ab3dE6gH", "https://www.example.org/videos/42?lang=fr"));

            await().atMost(WAIT).until(() -> http.get("/r/Ab3dE6gH").statusCode() == 302);
            var response = http.get("/r/Ab3dE6gH");

            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location")).hasValue("https://www.example.org/videos/42?lang=fr");
            var clicked = clicks.awaitEvents(LinkClicked.class, 2, WAIT);
            assertThat(clicked).allSatisfy(click -> {
                assertThat(click.getMessageId()).isEqualTo("msg-link-1");
                assertThat(click.getCode()).isEqualTo("Ab3dE6gH");
                assertThat(click.getTargetUrl()).isEqualTo("https://www.example.org/videos/42?lang=fr");
            });
            assertThat(clicked.get(0).getEventId()).as("every click counts").isNotEqualTo(clicked.get(1).getEventId());
            assertThat(clicks.records()).extracting(r -> r.key()).containsOnly("msg-link-1");

            // a link previewer's HEAD is redirected too, but is not a click
            var head = http.send(java.net.http.HttpRequest.newBuilder(http.uri("/r/Ab3dE6gH"))
                    .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()));
            assertThat(head.statusCode()).isEqualTo(302);
            clicks.assertNoneArrive(Duration.ofMillis(500));
            assertThat(clicks.events(LinkClicked.class)).hasSize(2);
        }
    }

    @Test
    void unknownOrMalformedCodesGetA404PageAndNothingIsPublished(TestNamespace namespace) {
        try (var clicks = KafkaProbe.fromNow(namespace, Topics.LINKS_CLICKED)) {
            for (var path : new String[] {"/r/Zz9Zz9Zz", "/r/ab", "/r/" + "a".repeat(200), "/r/"}) {
                assertThat(http.get(path).statusCode()).as(path).isEqualTo(404);
            }
            // paths the servlet container itself refuses as malformed: a 400, still never a 5xx
            for (var path : new String[] {"/r/%00%00", "/r/..%2F..%2Fetc"}) {
                assertThat(http.get(path).statusCode()).as(path).isIn(400, 404);
            }
            var page = http.get("/r/Zz9Zz9Zz");
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(page.body()).contains("Lien introuvable");
            clicks.assertNoneArrive(Duration.ofMillis(500));
        }
    }

    @Test
    void onlyHttpTargetsAreRegisteredSoNoCodeLeadsElsewhere(TestNamespace namespace) {
        try (var producer = new TestProducer(namespace)) {
            producer.send(Topics.PLANNED, "msg-link-2", planned("msg-link-2", "Js00000001", "javascript:alert(1)"));
            producer.send(Topics.PLANNED, "msg-link-3", planned("msg-link-3", "Fl00000001", "file:///etc/passwd"));
            producer.send(Topics.PLANNED, "msg-link-4", planned("msg-link-4", "Rel0000001", "//evil.example/"));
            producer.send(Topics.PLANNED, "msg-link-5", planned("msg-link-5", null, null));
            producer.send(Topics.PLANNED, "msg-link-6", planned("msg-link-6", "Ok00000001", "http://www.example.org/"));

            // planned messages are consumed in order per partition; wait for the last, then check them all
            await().atMost(WAIT).until(() -> http.get("/r/Ok00000001").statusCode() == 302);
            await().atMost(WAIT).pollDelay(Duration.ofSeconds(1)).untilAsserted(() -> {
                assertThat(http.get("/r/Js00000001").statusCode()).isEqualTo(404);
                assertThat(http.get("/r/Fl00000001").statusCode()).isEqualTo(404);
                assertThat(http.get("/r/Rel0000001").statusCode()).isEqualTo(404);
            });
        }
    }

    @Test
    void aMalformedPlannedRecordDoesNotStopTheLinkTable(TestNamespace namespace) {
        try (var producer = new TestProducer(namespace)) {
            producer.sendRaw(Topics.PLANNED, "msg-link-8", "not an event".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            producer.send(Topics.PLANNED, "msg-link-8", planned("msg-link-8", "Af00000001", "https://after.example/"));

            await().atMost(WAIT).until(() -> http.get("/r/Af00000001").statusCode() == 302);
            try (var deadLetters = KafkaProbe.fromBeginning(namespace, namespace.deadLetterTopic(Topics.PLANNED))) {
                assertThat(deadLetters.awaitRecords(1, WAIT)).extracting(r -> r.key()).contains("msg-link-8");
            }
        }
    }

    @Test
    void aReplayedPlannedMessageKeepsTheFirstRegistration(TestNamespace namespace) {
        try (var producer = new TestProducer(namespace)) {
            producer.send(Topics.PLANNED, "msg-link-7", planned("msg-link-7", "Rp00000001", "https://first.example/"));
            await().atMost(WAIT).until(() -> http.get("/r/Rp00000001").statusCode() == 302);
            producer.send(Topics.PLANNED, "msg-link-7", planned("msg-link-7", "Rp00000001", "https://second.example/"));
            producer.send(Topics.PLANNED, "msg-link-7", planned("msg-link-7", "Rp00000002", "https://marker.example/"));
            await().atMost(WAIT).until(() -> http.get("/r/Rp00000002").statusCode() == 302);

            assertThat(http.get("/r/Rp00000001").headers().firstValue("Location")).hasValue("https://first.example/");
        }
    }

    @Test
    void aCodeTwiceInOnePollKeepsTheFirstRegistration(TestNamespace namespace) {
        try (var producer = new TestProducer(namespace)) {
            // sent back to back, so that they usually arrive in the same poll and the same insert
            producer.send(Topics.PLANNED, "msg-link-9", planned("msg-link-9", "Tw00000001", "https://first.example/"));
            producer.send(Topics.PLANNED, "msg-link-9", planned("msg-link-9", "Tw00000001", "https://second.example/"));
            producer.send(Topics.PLANNED, "msg-link-9", planned("msg-link-9", "Tw00000002", "https://marker.example/"));
            await().atMost(WAIT).until(() -> http.get("/r/Tw00000002").statusCode() == 302);

            assertThat(http.get("/r/Tw00000001").headers().firstValue("Location")).hasValue("https://first.example/");
        }
    }
}
