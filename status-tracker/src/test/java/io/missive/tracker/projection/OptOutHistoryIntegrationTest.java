package io.missive.tracker.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.missive.events.OptOut;
import io.missive.events.Provider;
import io.missive.schemas.topics.Topics;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.kafka.TestProducer;
import io.missive.testkit.access.AccessTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An opt-out and the opt-in that revokes it (author, reason) are both kept in the phone's history, whatever order they are read in. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OptOutHistoryIntegrationTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @LocalServerPort
    int port;

    @Test
    void aStopThenARevokeLeaveThePhoneOptedInWithBothInItsHistory(TestNamespace namespace) throws Exception {
        var phone = "+33677000001";
        try (var producer = new TestProducer(namespace)) {
            // The opt-in is produced first: the latest record by time still wins.
            producer.send(Topics.OPTOUTS, phone, optOut("in-1", phone, false, T0.plusSeconds(3600), "parent asked again", "claire"));
            producer.send(Topics.OPTOUTS, phone, optOut("out-1", phone, true, T0, "STOP", null));
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/optouts/" + phone).body().contains("in-1")
                && get("/api/v1/optouts/" + phone).body().contains("out-1"));
        var view = get("/api/v1/optouts/" + phone);
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.body()).contains("\"optedOut\":false", "\"author\":\"claire\"", "\"reason\":\"parent asked again\"");
        assertThat(view.body().indexOf("out-1")).as("oldest first").isLessThan(view.body().indexOf("in-1"));

        assertThat(get("/api/v1/optouts/+33677000099").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/optouts/0677000001").body()).as("the phone as people write it").contains("out-1");
        var malformed = get("/api/v1/optouts/12ab");
        assertThat(malformed.statusCode()).isEqualTo(422);
        assertThat(malformed.body()).contains("\"field\":\"phone\"", "not digits");
    }

    private static OptOut optOut(String eventId, String phone, boolean active, Instant at, String reason, @Nullable String author) {
        return OptOut.newBuilder().setEventId(eventId).setOccurredAt(at).setPhone(phone).setProvider(Provider.SPOTHIT)
                .setActive(active).setReason(reason).setAuthor(author).build();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        try (var client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Authorization", AccessTokens.bearer(AccessTokens.testKey().allScopes())).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
