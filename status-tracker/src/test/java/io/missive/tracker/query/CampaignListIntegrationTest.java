package io.missive.tracker.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.access.AccessTokens;
import io.missive.testkit.kafka.TestProducer;
import io.missive.tracker.support.EventsStoreProbe;
import io.missive.tracker.support.Traffic;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The campaign list and a campaign's counts come from the counters the projection keeps: newest first,
 * filtered by state and supporter, with the same figures as a count of the messages.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CampaignListIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void campaignsAreListedNewestFirstWithTheirCountsAndState(TestNamespace namespace) throws Exception {
        var store = new EventsStoreProbe(jdbc, namespace);
        try (var producer = new TestProducer(namespace)) {
            // An older campaign that went all the way: 20 messages, every one at a terminal status.
            var finished = new ArrayList<Traffic.Sent>();
            for (int n = 0; n < 20; n++) {
                finished.add(Traffic.planned("older", n));
                finished.addAll(Traffic.lifecycle("older", n));
            }
            finished.forEach(e -> e.sendWith(producer));
            producer.flush();
            store.awaitCaughtUp(Duration.ofSeconds(60));
            // A newer one, only planned: still active. Sent for one supporter (s-(n % 11): n = 0, 11, 22 are s-0's).
            for (int n = 0; n < 33; n += 11) {
                Traffic.planned("newer", n).sendWith(producer);
            }
            producer.flush();
            store.awaitCaughtUp(Duration.ofSeconds(60));
        }

        var all = get("/api/v1/campaigns");
        assertThat(all.get("totalItems").asLong()).isEqualTo(2);
        assertThat(ids(all)).containsExactly("newer-campaign-0", "older-campaign-0");
        var newer = all.get("items").get(0);
        assertThat(newer.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(newer.get("summary").get("total").asLong()).isEqualTo(3);
        assertThat(newer.get("summary").get("byStatus").get("PENDING").asLong()).isEqualTo(3);
        assertThat(newer.get("plannedAt").asString()).isEqualTo(Traffic.T0.toString());
        var older = all.get("items").get(1);
        assertThat(older.get("state").asString()).isEqualTo("FINISHED");
        assertThat(older.get("summary").get("byStatus").get("DELIVERED").asLong()).isEqualTo(16);
        assertThat(older.get("summary").get("byStatus").get("FAILED").asLong()).isEqualTo(3);
        assertThat(older.get("summary").get("byStatus").get("EXPIRED").asLong()).isEqualTo(1);

        assertThat(ids(get("/api/v1/campaigns?state=FINISHED"))).containsExactly("older-campaign-0");
        assertThat(ids(get("/api/v1/campaigns?state=ACTIVE"))).containsExactly("newer-campaign-0");
        assertThat(ids(get("/api/v1/campaigns?supporterId=s-0"))).as(all.toString()).contains("newer-campaign-0");
        assertThat(ids(get("/api/v1/campaigns?supporterId=s-nobody"))).isEmpty();
        var firstPage = get("/api/v1/campaigns?size=1&page=1");
        assertThat(ids(firstPage)).containsExactly("older-campaign-0");
        assertThat(firstPage.get("totalItems").asLong()).isEqualTo(2);

        // The campaign view reads the same counters, which equal a count of the messages.
        var summary = get("/api/v1/campaigns/older-campaign-0");
        assertThat(summary.get("total").asLong()).isEqualTo(20);
        assertThat(store.campaignCounters()).isEqualTo(store.campaignCountsOfMessages());
        assertThat(status("/api/v1/campaigns?state=DONE")).isEqualTo(400);
    }

    private JsonNode get(String path) throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", AccessTokens.bearer(AccessTokens.testKey().allScopes())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private int status(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", AccessTokens.bearer(AccessTokens.testKey().allScopes())).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static List<String> ids(JsonNode page) {
        var ids = new ArrayList<String>();
        page.get("items").forEach(item -> ids.add(item.get("campaignId").asString()));
        return ids;
    }
}
