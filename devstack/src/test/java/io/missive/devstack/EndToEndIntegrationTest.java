package io.missive.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import io.missive.schemas.ids.MessageIds;
import io.missive.simulators.spothit.SpotHitSimulatorConfig.ReceiptPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole system as a user meets it: the five services each in its own JVM, real Kafka and
 * PostgreSQL, both provider simulators calling the gateway back over HTTP.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIntegrationTest {

    private static final int PARENTS = 1000;
    private static final Pattern TRACKED_LINK = Pattern.compile("/r/([0-9A-Za-z]{8})");
    private static Stack stack;
    private static StackHttp client;
    private static DemoDirectory.Summary directory;
    private static final String CAMPAIGN = "e2e-welcome-video";

    @BeforeAll
    static void startTheWholeSystem() {
        var root = Path.of("..").toAbsolutePath().normalize();
        var config = StackConfig.ephemeral(root, root.resolve("devstack/target/e2e"))
                .withEnvironment(Map.of("AIRCALL_RETRY_DELAY_UNIT", "1s"));
        long started = System.nanoTime();
        stack = Stack.start(config, Duration.ofMinutes(3));
        System.out.printf("e2e: five services, Kafka, PostgreSQL and simulators up in %.1f s%n", (System.nanoTime() - started) / 1e9);
        stack.simulators().spotHit().receipts(ReceiptPlan.allDelivered(stack.spotHitCallbackUrl("/spot_hit/status")));
        client = new StackHttp(stack);
        var generated = DemoDirectory.generate(PARENTS);
        generated.importInto(stack);
        generated.publish(stack.infrastructure().kafkaBootstrapServers(), config.topicPrefix());
        directory = generated.summary();
    }

    @AfterAll
    static void stopIt() {
        if (client != null) {
            client.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    /**
     * The devstack runs {@code MISSIVE_RCS_MODE=short-as-basic}: this short campaign goes as RCS basic;
     * the simulator's RCS-capable phones report SENT, DELIVERED and (some) READ, the others get the
     * fallback SMS. Every message ends delivered (DELIVERED or READ: a read message was delivered).
     */
    @Test
    @Order(1)
    void aPersonalisedCampaignReachesEveryEligibleParentOnceAndEndsDelivered() {
        var groups = directory.activeGroupIds().stream().map(id -> "{\"selector\":\"group." + id + "\"}")
                .collect(Collectors.joining(","));
        var reply = client.program("""
                {"commandId":"%s","plannedAt":"%s","recipients":[%s],
                 "message":"{PRENOM_ENFANT} a une nouvelle vidéo : {URL}","redirectionTargetId":"%s"}"""
                .formatted(CAMPAIGN, Instant.now(), groups, DemoDirectory.REDIRECTION_TARGET_ID));

        assertThat(reply.statusCode()).as(reply.body()).isBetween(200, 202);
        int accepted = JsonPath.read(reply.body(), "$.accepted");
        List<String> dropReasons = JsonPath.read(reply.body(), "$.dropped[*].reason");
        assertThat(accepted).as("eligible parents").isGreaterThan(PARENTS / 2);
        // One parent in a hundred has the number 12345: each of those in an active group is reported, not lost.
        assertThat(dropReasons).contains("INVALID_PHONE").allSatisfy(reason -> assertThat(reason).isNotBlank());

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            var counts = client.campaignCounts(CAMPAIGN);
            assertThat(counts.getOrDefault("DELIVERED", 0) + counts.getOrDefault("READ", 0)).isEqualTo(accepted);
        });
        var plan = stack.simulators().spotHit().rcsPlan();
        var phones = stack.simulators().spotHit().acceptedPhones().keySet();
        long readers = phones.stream().filter(plan::reads).count();
        long fallbacks = phones.stream().filter(phone -> !plan.capable(phone)).count();
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            var campaign = StackHttp.json(client.get(stack.url("status-tracker") + "/api/v1/campaigns/" + CAMPAIGN).body());
            assertThat(campaign.path("delivered").asLong()).isEqualTo(accepted);
            assertThat(campaign.path("read").asLong()).as("READ from the phones that read").isEqualTo(readers).isPositive();
            assertThat(campaign.path("fallback").asLong()).as("phones without RCS").isEqualTo(fallbacks).isPositive();
            assertThat(campaign.path("byChannel").path("RCS_BASIC").asLong()).isEqualTo(accepted);
        });

        var spotHit = stack.simulators().spotHit();
        assertThat(spotHit.duplicatedPhones()).as("recipients who got the message twice").isEmpty();
        assertThat(spotHit.acceptedPhones()).hasSize(accepted);
        assertThat(spotHit.acceptedMessages()).allSatisfy(message -> {
            assertThat(message.text()).doesNotContain("{").contains(stack.gatewayUrl() + "/r/");
        });
    }

    @Test
    @Order(2)
    void aClickOnATrackedLinkRedirectsAndIsCountedOnTheMessage() {
        var message = stack.simulators().spotHit().acceptedMessages().getFirst();
        var code = TRACKED_LINK.matcher(message.text()).results().findFirst().orElseThrow().group(1);

        // The gateway learns links from missive.sms.planned on its own consumer: allow it to catch up.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var click = client.get(stack.gatewayUrl() + "/r/" + code);
            assertThat(click.statusCode()).isEqualTo(302);
            assertThat(click.headers().firstValue("Location")).hasValue("https://example.org/videos/bienvenue");
        });
        var messageId = MessageIds.messageId(CAMPAIGN, "parent:" + parentOf(message.phone()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var view = client.message(messageId);
            assertThat(view.statusCode()).isEqualTo(200);
            assertThat((Integer) JsonPath.read(view.body(), "$.clicks")).isEqualTo(1);
        });
        assertThat(client.get(stack.gatewayUrl() + "/r/zzzzzzzz").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void anAircallMessageThatFailsTwiceIsRetriedAndDelivered() {
        var aircall = stack.simulators().aircall();
        aircall.faults().failFirstAttemptsTo("+33610000001", 2, 503);

        var reply = client.program("""
                {"commandId":"e2e-call0-goals","plannedAt":"%s","recipients":[{"selector":"parent.1"}],
                 "message":"Bonjour, voici vos objectifs. {PRENOM_ACCOMPAGNANTE}","supporterId":"%s",
                 "provider":"AUTO","purpose":"call0_goals"}""".formatted(Instant.now(), DemoDirectory.supporterOf(1, directory)));

        assertThat(reply.statusCode()).as(reply.body()).isBetween(200, 202);
        assertThat((String) JsonPath.read(reply.body(), "$.provider")).isEqualTo("AIRCALL");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(client.campaignCounts("e2e-call0-goals")).containsEntry("DELIVERED", 1));
        assertThat(aircall.attemptsTo("+33610000001")).hasSize(3);
        assertThat(aircall.acceptedTo("+33610000001")).hasSize(1);
        assertThat(aircall.overLimitRequests()).isZero();
    }

    /**
     * Parent 1 calls their supporter's Aircall number: the simulator announces the call to the
     * insight-cards webhook, and the card on the agent's screen names the parent, their children and
     * the message the previous test sent them; an unknown number gets "Information indisponible".
     */
    @Test
    @Order(4)
    void anInboundCallFromAParentPostsAnInsightCardNamingThemAndTheirLastMessage() {
        var aircall = stack.simulators().aircall();
        var numberId = io.missive.simulators.ProviderSimulators.aircallNumberId(1);

        var known = aircall.inboundCall("+33610000001", numberId);
        var unknown = aircall.inboundCall("+33699999998", numberId);

        var card = await().atMost(Duration.ofSeconds(30)).until(() -> aircall.insightCardsOf(known), cards -> !cards.isEmpty()).getFirst();
        assertThat(card.title()).isNotBlank().isNotEqualTo("Information indisponible");
        assertThat(card.shortText("Enfants")).isNotBlank();
        assertThat(card.shortText("Dernier message")).startsWith("« Bonjour, voici vos objectifs.");
        assertThat(card.shortText("Statut")).isEqualTo("Envoyé");
        var none = await().atMost(Duration.ofSeconds(30)).until(() -> aircall.insightCardsOf(unknown), cards -> !cards.isEmpty()).getFirst();
        assertThat(none.title()).isEqualTo("Information indisponible");
        assertThat(aircall.insightCardsOf(known)).hasSize(1);
        assertThat(aircall.overLimitRequests()).isZero();
    }

    @Test
    @Order(5)
    void aParentWhoRepliedStopIsLeftOutOfTheNextCampaign() {
        var phone = stack.simulators().spotHit().acceptedMessages().get(1).phone();
        var parent = parentOf(phone);
        var local = "0" + phone.substring(3);

        assertThat(client.get(stack.spotHitCallbackUrl("/spot_hit/stop") + "&numero=" + local).statusCode()).isBetween(200, 204);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var inbound = client.get(stack.url("status-tracker") + "/api/v1/inbound");
            assertThat(inbound.body()).contains("STOP");
        });

        // Planned an hour ahead: an attempt made before the scheduler saw the STOP sends nothing during the test.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            var reply = client.program("""
                    {"commandId":"e2e-after-stop-%d","plannedAt":"%s","recipients":[{"selector":"parent.%d"}],
                     "message":"Un nouvel atelier commence lundi."}""".formatted(System.nanoTime(),
                    Instant.now().plus(Duration.ofHours(1)), parent));
            assertThat(reply.statusCode()).as(reply.body()).isBetween(200, 422);
            assertThat(reply.body()).contains("OPTED_OUT");
        });
        assertThat(stack.simulators().spotHit().acceptedCount(phone)).as("messages the opted-out parent received").isEqualTo(1);
    }

    @Test
    @Order(6)
    void everyEndpointAndTopicTurnsBadInputAwayAndEveryServiceStaysUp() throws Exception {
        var tried = new java.util.TreeMap<String, Integer>();
        var serverErrors = new ArrayList<String>();
        try (var raw = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            for (var bad : BadInputs.requests(stack.secrets())) {
                var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(stack.url(bad.service()) + bad.path()))
                        .timeout(Duration.ofSeconds(30))
                        .method(bad.method(), bad.body() == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                                : java.net.http.HttpRequest.BodyPublishers.ofString(bad.body()));
                bad.headers().forEach(request::header);
                // With a valid token, so that the bad input reaches the endpoint's own validation.
                request.header("Authorization", "Bearer " + stack.accessToken());
                tried.merge(bad.endpoint(), 1, Integer::sum);
                try {
                    int status = raw.send(request.build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status >= 500 && status != 503) {
                        serverErrors.add(status + " " + bad.method() + " " + bad.service() + bad.path().substring(0, Math.min(80, bad.path().length())));
                    }
                } catch (java.io.IOException refused) {
                    // A body over the size limit may be refused by closing the connection: not a 5xx.
                }
            }
        }
        var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(Map.<String, Object>of(
                "bootstrap.servers", stack.infrastructure().kafkaBootstrapServers(), "acks", "all"),
                new org.apache.kafka.common.serialization.StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer());
        try (producer) {
            var wrongType = new io.missive.schemas.serde.EventSerializer().toBytes(io.missive.testkit.data.SampleEvents.messageCommand());
            for (var topic : BadInputs.consumedTopics()) {
                for (var bytes : BadInputs.malformedRecords()) {
                    producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic.name(), "bad", bytes)).get();
                    tried.merge("topic " + topic.name(), 1, Integer::sum);
                }
                if (!topic.equals(io.missive.schemas.topics.Topics.COMMANDS)) {
                    producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic.name(), "wrong-type", wrongType)).get();
                    tried.merge("topic " + topic.name(), 1, Integer::sum);
                }
            }
        }
        System.out.println("bad inputs tried per endpoint and topic:");
        tried.forEach((endpoint, count) -> System.out.printf("  %4d  %s%n", count, endpoint));

        assertThat(serverErrors).as("5xx answers to bad input").isEmpty();
        for (var topic : BadInputs.consumedTopics()) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(deadLetters(topic.deadLetterName())).as(topic.deadLetterName()).isGreaterThanOrEqualTo(BadInputs.malformedRecords().size()));
        }
        for (var service : stack.services()) {
            assertThat(service.isAlive()).as(service.name()).isTrue();
            service.awaitHealthy(Duration.ofSeconds(30));
        }
        var reply = client.program("""
                {"commandId":"e2e-after-bad-input","plannedAt":"%s","recipients":[{"selector":"parent.1"}],
                 "message":"Toujours là."}""".formatted(Instant.now()));
        assertThat(reply.statusCode()).as(reply.body()).isBetween(200, 202);
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            var counts = client.campaignCounts("e2e-after-bad-input");
            assertThat(counts.getOrDefault("DELIVERED", 0) + counts.getOrDefault("READ", 0)).isEqualTo(1);
        });
    }

    @Test
    @Order(7)
    void logsNeverShowAFullPhoneNumberOrASecret() throws Exception {
        var fullPhone = Pattern.compile("(?<![\\w*+])(?:\\+33|0)[67]\\d{8}(?!\\w)");
        var secrets = stack.secrets();
        for (var service : stack.services()) {
            var log = java.nio.file.Files.readString(service.logFile());
            assertThat(fullPhone.matcher(log).results().map(java.util.regex.MatchResult::group).distinct().limit(5).toList())
                    .as("full phone numbers in " + service.logFile()).isEmpty();
            assertThat(log).as(service.name() + " log")
                    .doesNotContain(secrets.spotHitApiKey(), secrets.aircallApiToken(), secrets.aircallMessageToken(),
                            secrets.aircallCallToken(), secrets.aircallStatusToken(), secrets.aircallInsightCardsToken(),
                            secrets.spotHitCallbackSecret(), stack.access().clientSecret());
        }
    }

    /**
     * The parent who replied STOP asks to be erased: every service confirms, and no table of any service's schema
     * holds their phone (either spelling) or their address any more; the STOP itself is kept as the phone's hash.
     */
    @Test
    @Order(9)
    void anErasedParentLeavesNoTraceInAnyServiceButTheHashOfTheirStop() throws Exception {
        var phone = stack.simulators().spotHit().acceptedMessages().get(1).phone();
        var parent = parentOf(phone);
        var national = "0" + phone.substring(3);
        var address = "(^|[^0-9])" + parent + " rue des Écoles";

        var reply = client.delete(stack.url("scheduler-service") + "/api/v1/parents/" + parent + "?reason=the%20family%20asked");
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(202);
        String erasureId = JsonPath.read(reply.body(), "$.erasureId");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            var erasure = client.get(stack.url("status-tracker") + "/api/v1/erasures/" + erasureId);
            assertThat(erasure.statusCode()).isEqualTo(200);
            assertThat(erasure.body()).contains("\"complete\":true");
        });

        var infra = stack.infrastructure();
        try (var db = java.sql.DriverManager.getConnection(infra.jdbcUrl("missive"), infra.jdbcUsername(), infra.jdbcPassword())) {
            var traces = new ArrayList<String>();
            var hashes = 0;
            var tables = new ArrayList<String>();
            try (var rs = db.createStatement().executeQuery("""
                    select table_schema || '.' || table_name from information_schema.tables where table_type = 'BASE TABLE'
                    and table_schema not in ('pg_catalog', 'information_schema') and table_name <> 'flyway_schema_history'""")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (var table : tables) {
                try (var query = db.prepareStatement("select t::text from " + table + " t where strpos(t::text, ?) > 0 "
                        + "or strpos(t::text, ?) > 0 or t::text ~ ?")) {
                    query.setString(1, phone);
                    query.setString(2, national);
                    query.setString(3, address);
                    try (var rs = query.executeQuery()) {
                        while (rs.next()) {
                            traces.add(table + ": " + rs.getString(1));
                        }
                    }
                }
                try (var query = db.prepareStatement("select count(*) from " + table + " t where strpos(t::text, ?) > 0")) {
                    query.setString(1, io.missive.schemas.phones.PhoneHash.of(phone));
                    try (var rs = query.executeQuery()) {
                        rs.next();
                        hashes += rs.getInt(1);
                    }
                }
            }
            assertThat(traces).as("the erased parent's phone or address, in any service's tables").isEmpty();
            assertThat(hashes).as("the STOP, kept as the phone's hash (scheduler and tracker)").isPositive();
        }
    }

    /**
     * Issue 16: a variable the directory declares ({@code {CALL0_CALENDLY_LINK}}) is filled per parent; a parent
     * without a value is not sent and is reported FAILED with the variable's name.
     */
    @Test
    @Order(8)
    void aCampaignFillsADirectoryVariablePerParentAndFailsTheParentWithoutAValueNamingIt() {
        var campaign = "e2e-directory-variable";
        // Three parents a campaign reaches (eligible, not the one who said STOP earlier): two with a link, one without.
        int optedOut = parentOf(stack.simulators().spotHit().acceptedMessages().get(1).phone());
        java.util.function.IntPredicate reachable = p -> DemoDirectory.isEligible(p, directory) && p != optedOut;
        var withLink = java.util.stream.IntStream.iterate(21, p -> p + 1)
                .filter(p -> reachable.test(p) && DemoDirectory.hasCalendlyLink(p)).limit(2).boxed().toList();
        int withoutLink = java.util.stream.IntStream.iterate(3, p -> p + 10)
                .filter(p -> reachable.test(p) && !DemoDirectory.hasCalendlyLink(p)).findFirst().orElseThrow();
        var command = """
                {"commandId":"%s","plannedAt":"%s","recipients":[{"selector":"parent.%d"},{"selector":"parent.%d"},{"selector":"parent.%d"}],
                 "message":"Prenez rendez-vous pour le premier appel : {%s}"}"""
                .formatted(campaign, Instant.now(), withLink.get(0), withLink.get(1), withoutLink, DemoDirectory.CALENDLY_VARIABLE);
        // The links come from the directory, so the send guard holds them until an admin allows their domain, as the
        // programme's staff would; the dry run says when the guard's lists (cached a few seconds) let it pass.
        var scheduler = stack.url("scheduler-service");
        var allowed = client.post(scheduler + "/api/v1/guard/allowed", "{\"kind\":\"url\",\"match\":\"domain\",\"value\":\"calendly.com\"}");
        assertThat(allowed.statusCode()).as(allowed.body()).isIn(200, 201);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(client.post(scheduler + "/api/v1/programs/preview", command).body()).contains("\"guard\":\"PASS\""));
        var reply = client.program(command);

        assertThat(reply.statusCode()).as(reply.body()).isBetween(200, 202);
        assertThat(reply.body()).contains("MISSING_VARIABLE:" + DemoDirectory.CALENDLY_VARIABLE);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            var counts = client.campaignCounts(campaign);
            assertThat(counts.getOrDefault("DELIVERED", 0) + counts.getOrDefault("READ", 0)).isEqualTo(2);
            assertThat(counts).containsEntry("FAILED", 1);
        });
        var failed = StackHttp.json(client.message(MessageIds.messageId(campaign, "parent:" + withoutLink)).body());
        assertThat(failed.path("reason").asText()).isEqualTo("MISSING_VARIABLE:" + DemoDirectory.CALENDLY_VARIABLE);
        var spotHit = stack.simulators().spotHit();
        assertThat(spotHit.acceptedMessages()).filteredOn(message -> message.phone().equals(phoneOf(withoutLink)))
                .noneSatisfy(message -> assertThat(message.text()).contains("Prenez rendez-vous"));
        for (int parent : withLink) {
            assertThat(spotHit.acceptedMessages()).filteredOn(message -> message.phone().equals(phoneOf(parent))
                            && message.text().contains("Prenez rendez-vous"))
                    .singleElement().satisfies(message -> assertThat(message.text()).contains(DemoDirectory.calendlyLink(parent)));
        }
    }

    /**
     * Issue 16: a STOP that lands after the campaign was accepted is honoured up to the provider call. The STOP
     * is then tied to its parent: it is in the parent's conversation and in their supporter's inbox.
     */
    @Test
    @Order(9)
    void aStopAfterAcceptanceLeavesThatParentOutAndTheSimulatorNeverSeesTheNumber() {
        var campaign = "e2e-stop-after-acceptance";
        // Five parents a campaign can reach: eligible in the demo directory, and not the one who said STOP earlier.
        int optedOut = parentOf(stack.simulators().spotHit().acceptedMessages().get(1).phone());
        var parents = java.util.stream.IntStream.iterate(211, p -> p + 1)
                .filter(p -> DemoDirectory.isEligible(p, directory) && p != optedOut).limit(5).boxed().toList();
        int stopping = parents.get(2);
        // The run's first campaign reached every eligible parent: only calls after this one's acceptance count.
        int callsBefore = stack.simulators().spotHit().callsNaming(phoneOf(stopping));
        var acceptedBefore = parents.stream().collect(Collectors.toMap(p -> p, p -> stack.simulators().spotHit().acceptedCount(phoneOf(p))));
        var recipients = parents.stream().map(p -> "{\"selector\":\"parent." + p + "\"}").collect(Collectors.joining(","));
        var reply = client.program("""
                {"commandId":"%s","plannedAt":"%s","recipients":[%s],"message":"L'atelier de lundi est confirmé."}"""
                .formatted(campaign, Instant.now().plusSeconds(40), recipients));
        assertThat(reply.statusCode()).as(reply.body()).isBetween(200, 202);
        assertThat((Integer) JsonPath.read(reply.body(), "$.accepted")).isEqualTo(parents.size());

        var local = "0" + phoneOf(stopping).substring(3);
        assertThat(client.get(stack.spotHitCallbackUrl("/spot_hit/stop") + "&numero=" + local).statusCode()).isBetween(200, 204);

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            var counts = client.campaignCounts(campaign);
            assertThat(counts.getOrDefault("DELIVERED", 0) + counts.getOrDefault("READ", 0)).isEqualTo(parents.size() - 1);
            assertThat(counts).containsEntry("FAILED", 1);
        });
        var stopped = StackHttp.json(client.message(MessageIds.messageId(campaign, "parent:" + stopping)).body());
        assertThat(stopped.path("statusName").asText()).isEqualTo("FAILED");
        assertThat(stopped.path("reason").asText()).isEqualTo("OPTED_OUT");
        var spotHit = stack.simulators().spotHit();
        assertThat(spotHit.callsNaming(phoneOf(stopping))).as("calls naming the parent who said STOP").isEqualTo(callsBefore);
        for (int parent : parents) {
            if (parent != stopping) {
                assertThat(spotHit.acceptedCount(phoneOf(parent))).as("parent " + parent).isEqualTo(acceptedBefore.get(parent) + 1);
            }
        }

        var tracker = stack.url("status-tracker");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var conversation = StackHttp.json(client.get(tracker + "/api/v1/parents/" + stopping + "/messages").body());
            var kinds = new ArrayList<String>();
            conversation.path("items").forEach(item -> kinds.add(item.path("kind").asText()));
            assertThat(kinds).contains("STOP", "MESSAGE");
            var inbox = client.get(tracker + "/api/v1/supporters/" + DemoDirectory.supporterOf(stopping, directory) + "/inbound?unread=true");
            assertThat(inbox.body()).contains("\"kind\":\"STOP\"").contains("\"" + stopping + "\"");
        });
    }

    private static String phoneOf(int parent) {
        return "+336" + (10_000_000 + parent);
    }

    private static long deadLetters(String topic) {
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]>(Map.<String, Object>of(
                "bootstrap.servers", stack.infrastructure().kafkaBootstrapServers(), "group.id", "e2e-dlt-" + System.nanoTime(),
                "auto.offset.reset", "earliest"),
                new org.apache.kafka.common.serialization.StringDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new org.apache.kafka.common.TopicPartition(topic, info.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Demo parent {@code p} has the number 06 1000 000p, i.e. +33 6 1000 000p. */
    private static int parentOf(String e164) {
        return Integer.parseInt(e164.substring(4)) - 10_000_000;
    }

    /**
     * An MMS through SpotHit's upload (issue 17): the scheduler checks the attachment at acceptance, the dispatcher
     * fetches it once, uploads it once for the whole campaign, and every MMS names the media id, never the URL.
     */
    @Test
    @Order(10)
    void anMmsCampaignUploadsItsFileOnceAndEveryMessageNamesTheMediaId() {
        var spotHit = stack.simulators().spotHit();
        var url = spotHit.sampleImageUrl("e2e");
        var recipients = java.util.stream.IntStream.rangeClosed(21, 28).mapToObj(p -> "{\"selector\":\"parent." + p + "\"}")
                .collect(Collectors.joining(","));
        var refused = client.program("""
                {"commandId":"e2e-mms-refused","plannedAt":"%s","recipients":[%s],"message":"La photo de l'atelier",
                 "attachment":{"fileName":"atelier.png","contentType":"image/png","url":"https://files.example.com/atelier.png"}}"""
                .formatted(Instant.now(), recipients));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("ATTACHMENT_HOST_NOT_ALLOWED");

        var reply = client.program("""
                {"commandId":"e2e-mms","plannedAt":"%s","recipients":[%s],"message":"La photo de l'atelier",
                 "attachment":{"fileName":"atelier.png","contentType":"image/png","url":"%s"}}"""
                .formatted(Instant.now(), recipients, url));
        assertThat(reply.statusCode()).as(reply.body()).isBetween(200, 202);
        int accepted = JsonPath.read(reply.body(), "$.accepted");
        assertThat(accepted).isPositive();

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(client.campaignCounts("e2e-mms")).containsEntry("DELIVERED", accepted));
        assertThat(spotHit.uploads()).as("one upload for the campaign").singleElement()
                .satisfies(upload -> assertThat(upload.contentType()).isEqualTo("image/png"));
        var mediaId = spotHit.uploads().getFirst().mediaId();
        var campaignIds = spotHit.acceptedCalls().stream().filter(call -> call.endpoint().equals("mms"))
                .map(io.missive.simulators.spothit.SpotHitCall::campaignId).toList();
        assertThat(spotHit.acceptedMessages()).filteredOn(message -> campaignIds.contains(message.campaignId()))
                .hasSize(accepted).allSatisfy(message -> assertThat(message.attachment()).isEqualTo(mediaId));
    }

    @Test
    @Order(11)
    void everyAuditedActOfTheRunReachesTheAuditTrailAcrossServices() {
        var tracker = stack.url("status-tracker") + "/api/v1/audit";
        // Acts of the run so far: the demo directory's import and the campaigns, by the devstack's API key.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var programs = client.get(tracker + "?kind=program&actor=" + ConsoleAccess.CLIENT_ID + "&size=500");
            assertThat(programs.statusCode()).as(programs.body()).isEqualTo(200);
            assertThat(programs.body()).contains("\"target\":\"campaign:" + CAMPAIGN + "\"", "\"service\":\"scheduler-service\"");
            assertThat(client.get(tracker + "?kind=directory.import").body()).contains("\"actor\":\"" + ConsoleAccess.CLIENT_ID + "\"");
        });
        // One act of each other kind, each through its own service.
        var phone = stack.simulators().spotHit().acceptedMessages().get(1).phone();
        assertThat(client.post(stack.gatewayUrl() + "/api/v1/optouts/" + phone + "/revoke",
                "{\"author\":\"e2e@programme.example\",\"reason\":\"asked again\"}").statusCode()).isEqualTo(200);
        var added = client.post(stack.url("scheduler-service") + "/api/v1/guard/allowed", "{\"kind\":\"url\",\"value\":\"e2e-partner.example\"}");
        assertThat(added.statusCode()).as(added.body()).isIn(200, 201);
        var issued = client.post(stack.url("console") + "/api/v1/clients", "{\"name\":\"e2e audit\",\"scopes\":[\"events:read\"]}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        var clientId = StackHttp.json(issued.body()).at("/client/clientId").asText();
        assertThat(client.delete(stack.url("console") + "/api/v1/clients/" + clientId).statusCode()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(client.get(tracker + "?kind=optin").body()).contains("phone:" + phone, "\"service\":\"webhook-gateway\"");
            assertThat(client.get(tracker + "?kind=guard.allowed.add").body()).contains("e2e-partner.example");
            assertThat(client.get(tracker + "?kind=apikey").body())
                    .contains("\"act\":\"apikey.issue\"", "\"act\":\"apikey.revoke\"", "apikey:" + clientId, "\"service\":\"console\"");
        });
    }
}
