package io.missive.tracker.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.events.AircallCallEvent;
import io.missive.events.InboundKind;
import io.missive.events.InboundMessage;
import io.missive.events.MessagePlanned;
import io.missive.events.ParentRecord;
import io.missive.events.Provider;
import io.missive.events.Status;
import io.missive.schemas.topics.Topics;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.access.AccessTokens;
import io.missive.testkit.kafka.TestProducer;
import io.missive.tracker.support.EventsStoreProbe;
import io.missive.tracker.support.Traffic;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replies, STOPs and Aircall calls tied to the parents whose phone they came from, through the directory topic
 * as the tracker reads it: a parent's conversation and a supporter's inbox, over real Kafka and PostgreSQL.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RepliesTiedToParentsIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant T0 = Traffic.T0;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    EventsStoreProbe store;
    TestProducer producer;

    @BeforeEach
    void open(TestNamespace namespace) {
        this.store = new EventsStoreProbe(jdbc, namespace);
        this.producer = new TestProducer(namespace);
    }

    @AfterEach
    void close() {
        producer.close();
    }

    @Test
    void aPhoneSharedByTwoParentsTiesItsReplyToBothAndEachSupporterSeesItOnce() throws Exception {
        // The directory writes the phone as people do; the gateway publishes E.164: the one normaliser joins them.
        parent("shared-a", "06 12 34 56 01", "supporter-a");
        parent("shared-b", "+33 (0)6 12 34 56 01", "supporter-b");
        parent("shared-c", "0612345602", "supporter-a");
        awaitParents("shared-a", "shared-b", "shared-c");
        reply("shared-reply", "+33612345601", InboundKind.REPLY, Provider.SPOTHIT, "Merci, à jeudi", T0.plusSeconds(60));

        EventsStoreProbe.await(WAIT, "the reply tied to both parents",
                () -> store.count("inbound_parents where event_id = '" + eventId("shared-reply") + "'") == 2);
        var inboxA = get("/api/v1/supporters/supporter-a/inbound");
        assertThat(inboxA.path("totalItems").asLong()).isEqualTo(1);
        assertThat(texts(inboxA.path("items").get(0).path("parentIds"))).containsExactly("shared-a");
        assertThat(inboxA.path("items").get(0).path("body").asString()).isEqualTo("Merci, à jeudi");
        assertThat(inboxA.path("items").get(0).path("readAt").isNull()).isTrue();
        var inboxB = get("/api/v1/supporters/supporter-b/inbound");
        assertThat(texts(inboxB.path("items").get(0).path("parentIds"))).containsExactly("shared-b");
        assertThat(get("/api/v1/parents/shared-c/messages").path("totalItems").asLong()).isZero();
        var inbound = get("/api/v1/inbound?kind=REPLY&size=500").path("items");
        var shared = new ArrayList<JsonNode>();
        inbound.forEach(item -> {
            if (item.path("eventId").asString().equals(eventId("shared-reply"))) {
                shared.add(item);
            }
        });
        assertThat(shared).hasSize(1);
        assertThat(texts(shared.getFirst().path("parentIds"))).containsExactly("shared-a", "shared-b");
    }

    @Test
    void aParentsConversationShowsMessagesRepliesStopsAndCallsInOrder() throws Exception {
        parent("talk", "+33612345610", "supporter-talk");
        awaitParents("talk");
        var messageId = Traffic.messageId("talk", 1);
        producer.sendAsync(Topics.PLANNED, messageId, MessagePlanned.newBuilder().setEventId(Traffic.eventId("talk", "planned", 1))
                .setOccurredAt(T0).setMessageId(messageId).setCampaignId("talk-campaign").setParentId("talk")
                .setPhone("+33612345610").setProvider(Provider.SPOTHIT).setBody("Atelier jeudi 10h").setSegments(1)
                .setEncoding("GSM7").setPlannedAt(T0).setSupporterId("supporter-talk").build());
        Traffic.byMessage(Traffic.eventId("talk", "sent", 1), messageId, Status.SENT, T0.plusSeconds(5), "spothit-dispatcher",
                Provider.SPOTHIT, "sh-talk", "+33612345610", 1).sendWith(producer);
        reply("talk-reply", "+33612345610", InboundKind.REPLY, Provider.SPOTHIT, "On sera là", T0.plusSeconds(600));
        call("talk-call", "+33612345610", "inbound", T0.plusSeconds(900), null, "call.created");
        call("talk-call", "+33612345610", "inbound", T0.plusSeconds(1_080), 180, "call.ended");
        reply("talk-aircall", "+33612345610", InboundKind.REPLY, Provider.AIRCALL, "Je vous rappelle", T0.plusSeconds(1_200));
        reply("talk-stop", "+33612345610", InboundKind.STOP, Provider.SPOTHIT, "STOP", T0.plusSeconds(1_500));

        EventsStoreProbe.await(WAIT, "the whole conversation", () -> {
            var page = get("/api/v1/parents/talk/messages");
            return page.path("totalItems").asLong() == 5 && page.path("items").get(0).path("status").asString().equals("SENT");
        });
        var items = get("/api/v1/parents/talk/messages").path("items");
        assertThat(kinds(items)).containsExactly("MESSAGE", "REPLY", "CALL", "REPLY", "STOP");
        assertThat(items.get(0).path("direction").asString()).isEqualTo("outbound");
        assertThat(items.get(0).path("id").asString()).isEqualTo(messageId);
        assertThat(items.get(0).path("body").asString()).isEqualTo("Atelier jeudi 10h");
        assertThat(items.get(1).path("direction").asString()).isEqualTo("inbound");
        assertThat(items.get(1).path("provider").asString()).isEqualTo("spot_hit");
        assertThat(items.get(2).path("id").asString()).isEqualTo("talk-call");
        assertThat(items.get(2).path("direction").asString()).isEqualTo("inbound");
        assertThat(items.get(2).path("durationSeconds").asInt()).isEqualTo(180);
        assertThat(items.get(2).path("at").asString()).isEqualTo(T0.plusSeconds(900).toString());
        assertThat(items.get(3).path("provider").asString()).isEqualTo("aircall");
        assertThat(items.get(3).path("supporterId").asString()).isEqualTo("supporter-talk");

        var second = get("/api/v1/parents/talk/messages?page=1&size=2").path("items");
        assertThat(kinds(second)).containsExactly("CALL", "REPLY");
    }

    @Test
    void aReplyBeforeTheDirectoryKnowsItsPhoneIsTiedWhenItDoesAndADeletedParentTakesNoNewReply() throws Exception {
        reply("early", "+33612345620", InboundKind.REPLY, Provider.SPOTHIT, "Qui est-ce ?", T0);
        call("early-call", "+33612345620", "inbound", T0.plusSeconds(30), 42, "call.ended");
        EventsStoreProbe.await(WAIT, "the reply and the call projected",
                () -> store.count("inbound_messages where event_id = '" + eventId("early") + "'") == 1
                        && store.count("aircall_calls where call_id = 'early-call'") == 1);
        assertThat(store.count("inbound_parents where event_id = '" + eventId("early") + "'")).isZero();

        parent("late", "06.12.34.56.20", "supporter-late");
        EventsStoreProbe.await(WAIT, "the reply adopted by the parent the directory learnt",
                () -> get("/api/v1/parents/late/messages").path("totalItems").asLong() == 2);
        assertThat(kinds(get("/api/v1/parents/late/messages").path("items"))).containsExactly("REPLY", "CALL");
        assertThat(get("/api/v1/supporters/supporter-late/inbound").path("totalItems").asLong()).isEqualTo(1);

        producer.delete(Topics.DIRECTORY, "parent:late");
        EventsStoreProbe.await(WAIT, "the parent deleted", () -> store.count("directory_parents where parent_id = 'late'") == 0);
        reply("after-delete", "+33612345620", InboundKind.REPLY, Provider.SPOTHIT, "Allô ?", T0.plusSeconds(60));
        EventsStoreProbe.await(WAIT, "the reply after the deletion",
                () -> store.count("inbound_messages where event_id = '" + eventId("after-delete") + "'") == 1);
        assertThat(store.count("inbound_parents where event_id = '" + eventId("after-delete") + "'")).isZero();
        assertThat(get("/api/v1/parents/late/messages").path("totalItems").asLong())
                .as("what was tied before the deletion stays").isEqualTo(2);
    }

    @Test
    void aSupportersInboxListsUnreadFirstThenNewestFirstAndMarkingReadMovesAReplyDown() throws Exception {
        parent("inbox-1", "+33612345630", "supporter-inbox");
        parent("inbox-2", "+33612345631", "supporter-inbox");
        awaitParents("inbox-1", "inbox-2");
        reply("inbox-old", "+33612345630", InboundKind.REPLY, Provider.SPOTHIT, "premier", T0);
        reply("inbox-mid", "+33612345631", InboundKind.STOP, Provider.SPOTHIT, "STOP", T0.plusSeconds(60));
        reply("inbox-new", "+33612345630", InboundKind.REPLY, Provider.AIRCALL, "troisième", T0.plusSeconds(120));
        EventsStoreProbe.await(WAIT, "three replies in the inbox",
                () -> get("/api/v1/supporters/supporter-inbox/inbound").path("totalItems").asLong() == 3);
        assertThat(bodies(get("/api/v1/supporters/supporter-inbox/inbound").path("items")))
                .containsExactly("troisième", "STOP", "premier");

        assertThat(post("/api/v1/supporters/supporter-inbox/inbound/" + eventId("inbox-new") + "/read").statusCode()).isEqualTo(204);
        assertThat(post("/api/v1/supporters/supporter-inbox/inbound/" + eventId("inbox-new") + "/read").statusCode())
                .as("marking it read again").isEqualTo(204);
        var inbox = get("/api/v1/supporters/supporter-inbox/inbound").path("items");
        assertThat(bodies(inbox)).containsExactly("STOP", "premier", "troisième");
        assertThat(inbox.get(2).path("readAt").isNull()).isFalse();
        assertThat(bodies(get("/api/v1/supporters/supporter-inbox/inbound?unread=true").path("items"))).containsExactly("STOP", "premier");
        assertThat(bodies(get("/api/v1/supporters/supporter-inbox/inbound?page=1&size=1").path("items"))).containsExactly("premier");

        var someoneElses = post("/api/v1/supporters/another-supporter/inbound/" + eventId("inbox-old") + "/read");
        assertThat(someoneElses.statusCode()).isEqualTo(404);
        assertThat(someoneElses.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(getResponse("/api/v1/supporters/bad%20id/inbound").statusCode()).isEqualTo(400);
        assertThat(getResponse("/api/v1/supporters/supporter-inbox/inbound?size=0").statusCode()).isEqualTo(400);
        assertThat(getResponse("/api/v1/supporters/supporter-inbox/inbound?unread=maybe").statusCode()).isEqualTo(400);
    }

    @Test
    void everyReplyGroupedBySupporterEachUnreadFirstAndThoseOfNoSupporterLast() throws Exception {
        parent("grouped-1", "+33612345640", "grp-a");
        parent("grouped-2", "+33612345641", "grp-b");
        parent("grouped-3", "+33612345642", "grp-a");
        parent("grouped-4", "+33612345642", "grp-b");
        awaitParents("grouped-1", "grouped-2", "grouped-3", "grouped-4");
        reply("grouped-r1", "+33612345640", InboundKind.REPLY, Provider.SPOTHIT, "r1", T0);
        reply("grouped-r2", "+33612345641", InboundKind.REPLY, Provider.SPOTHIT, "r2", T0.plusSeconds(60));
        reply("grouped-r3", "+33612345642", InboundKind.STOP, Provider.SPOTHIT, "r3", T0.plusSeconds(120));
        reply("grouped-r4", "+33612345649", InboundKind.REPLY, Provider.SPOTHIT, "r4", T0.plusSeconds(180));
        reply("grouped-r5", "+33612345640", InboundKind.REPLY, Provider.AIRCALL, "r5", T0.plusSeconds(240));
        var mine = Set.of("r1", "r2", "r3", "r4", "r5");
        EventsStoreProbe.await(WAIT, "five replies, one of them in two groups", () -> texts(get("/api/v1/inbound/by-supporter?size=500")
                .path("items"), "body").stream().filter(mine::contains).count() == 6);
        assertThat(post("/api/v1/supporters/grp-a/inbound/" + eventId("grouped-r5") + "/read").statusCode()).isEqualTo(204);

        var grouped = new ArrayList<String>();
        get("/api/v1/inbound/by-supporter?size=500").path("items").forEach(item -> {
            if (mine.contains(item.path("body").asString())) {
                var supporter = item.path("supporterId");
                grouped.add((supporter.isString() ? supporter.asString() : "none") + " " + item.path("body").asString()
                        + (item.path("readAt").isNull() ? "" : " read"));
            }
        });

        // grp-a: the shared phone's STOP and r1 unread, newest first, then r5 read; grp-b; then the unknown phone's reply.
        assertThat(grouped).containsExactly("grp-a r3", "grp-a r1", "grp-a r5 read", "grp-b r3", "grp-b r2", "none r4");
        assertThat(texts(get("/api/v1/inbound/by-supporter?kind=STOP&size=500").path("items"), "body"))
                .filteredOn(mine::contains).containsExactly("r3", "r3");
        assertThat(getResponse("/api/v1/inbound/by-supporter?kind=MAYBE").statusCode()).isEqualTo(400);
    }

    private void parent(String id, String phone, String supporterId) {
        producer.sendAsync(Topics.DIRECTORY, "parent:" + id, ParentRecord.newBuilder().setId(id).setPhone(phone)
                .setFirstName("Camille").setSupporterId(supporterId).build());
        producer.flush();
    }

    private void awaitParents(String... parentIds) {
        EventsStoreProbe.await(WAIT, "the parents in the directory", () -> store.count("directory_parents where parent_id in ('"
                + String.join("', '", parentIds) + "')") == parentIds.length);
    }

    private void reply(String name, String phone, InboundKind kind, Provider provider, String body, Instant at) {
        producer.sendAsync(Topics.INBOUND, phone, InboundMessage.newBuilder().setEventId(eventId(name)).setOccurredAt(at)
                .setProvider(provider).setPhone(phone).setBody(body).setKind(kind).setProviderMessageId(name).build());
        producer.flush();
    }

    private void call(String callId, String phone, String direction, Instant at, @Nullable Integer duration, String event) {
        producer.sendAsync(Topics.AIRCALL_CALLS, callId, AircallCallEvent.newBuilder().setEventId(eventId(callId + event))
                .setOccurredAt(at).setCallId(callId).setEvent(event).setDirection(direction).setStatus(event.equals("call.ended") ? "done" : "initial")
                .setPhone(phone).setDurationSeconds(duration).build());
        producer.flush();
    }

    private static String eventId(String name) {
        return Traffic.eventId("replies", name, 0);
    }

    private static List<String> kinds(JsonNode items) {
        return texts(items, "kind");
    }

    private static List<String> bodies(JsonNode items) {
        return texts(items, "body");
    }

    private static List<String> texts(JsonNode items, String field) {
        var values = new ArrayList<String>();
        items.forEach(item -> values.add(item.path(field).asString()));
        return values;
    }

    private static List<String> texts(JsonNode array) {
        var values = new ArrayList<String>();
        array.forEach(item -> values.add(item.asString()));
        return values;
    }

    private JsonNode get(String path) {
        try {
            var response = getResponse(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private HttpResponse<String> getResponse(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET());
    }

    private HttpResponse<String> post(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        try (var client = HttpClient.newHttpClient()) {
            return client.send(request.header("Authorization", AccessTokens.bearer(AccessTokens.testKey().mint("events:read"))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
