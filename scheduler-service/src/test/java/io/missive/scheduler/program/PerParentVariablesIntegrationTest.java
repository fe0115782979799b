package io.missive.scheduler.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.missive.events.MessageRequested;
import io.missive.events.ParentRecord;
import io.missive.events.Status;
import io.missive.events.StatusUpdated;
import io.missive.schemas.ids.MessageIds;
import io.missive.schemas.topics.Topics;
import io.missive.scheduler.SchedulerHttp;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.kafka.KafkaProbe;
import io.missive.testkit.kafka.TestProducer;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Open per-parent variables, the appended {URL}, form links with the parent's token, and Aircall's one count of characters. */
@RealInfrastructure
// Variables carry Calendly and Typeform links, which the send guard would hold in block mode (as it should:
// SendGuardIntegrationTest shows that); here the guard only records them, so the rendering is what is tested.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"AIRCALL_ENABLED=true", "AIRCALL_MESSAGE_ENABLED=true", "PUBLIC_BASE_URL=https://m.example",
                "MISSIVE_GUARD_LINKS=monitor"})
class PerParentVariablesIntegrationTest {

    @LocalServerPort
    int port;

    SchedulerHttp http;

    @BeforeEach
    void directory() {
        http = new SchedulerHttp(port);
        var body = new LinkedHashMap<String, Object>();
        body.put("parents", List.of(
                Map.of("id", "1", "phone", "06 11 11 11 11", "securityToken", "tok-1", "supporterId", "s1",
                        "variables", Map.of("CALL0_CALENDLY_LINK", "https://calendly.com/c/awa", "CHILD_SUPPORT_ID", "cs-1")),
                Map.of("id", "2", "phone", "06 22 22 22 22", "supporterId", "s1", "variables", Map.of("CHILD_SUPPORT_ID", "cs-2")),
                Map.of("id", "3", "phone", "06 33 33 33 33", "securityToken", "tok-3")));
        body.put("supporters", List.of(Map.of("id", "s1", "firstName", "Claire", "aircallNumber", "+33176543210",
                "aircallNumberId", "123456")));
        body.put("redirectionTargets", List.of(Map.of("id", "r1", "url", "https://example.org/v/1")));
        var imported = http.post("/api/v1/directory/import", body);
        assertThat(imported.status()).as(imported.raw()).isEqualTo(200);
    }

    private static Map<String, Object> command(String commandId, String message, Object... extra) {
        var command = new LinkedHashMap<String, Object>();
        command.put("commandId", commandId);
        command.put("message", message);
        command.put("recipients", List.of(Map.of("selector", "parent.1"), Map.of("selector", "parent.2")));
        for (int i = 0; i < extra.length; i += 2) {
            command.put((String) extra[i], extra[i + 1]);
        }
        return command;
    }

    @Test
    void theVariablesListShowsTheBuiltInOnesAndHowManyParentsHaveEachDeclaredOne() {
        var reply = http.get("/api/v1/variables");

        assertThat(reply.status()).isEqualTo(200);
        var byName = new HashMap<String, tools.jackson.databind.JsonNode>();
        reply.body().get("variables").forEach(v -> byName.put(v.get("name").asString(), v));
        assertThat(byName).containsKeys("PRENOM_ENFANT", "URL", "PARENT_SECURITY_TOKEN", "CALL0_CALENDLY_LINK", "CHILD_SUPPORT_ID");
        assertThat(byName.get("URL").get("builtIn").asBoolean()).isTrue();
        assertThat(byName.get("CALL0_CALENDLY_LINK").get("parents").asLong()).isEqualTo(1);
        assertThat(byName.get("CHILD_SUPPORT_ID").get("parents").asLong()).isEqualTo(2);
        assertThat(byName.get("CHILD_SUPPORT_ID").get("placeholder").asString()).isEqualTo("{CHILD_SUPPORT_ID}");

        // The counts follow every write: a parent's variables replaced, a parent erased.
        assertThat(http.post("/api/v1/directory/import", Map.of("parents", List.of(Map.of("id", "3", "phone", "06 33 33 33 33",
                "variables", Map.of("CALL0_CALENDLY_LINK", "https://calendly.com/c/eva"))))).status()).isEqualTo(200);
        assertThat(http.post("/api/v1/directory/import", Map.of("parents", List.of(Map.of("id", "2", "phone", "06 22 22 22 22")))).status())
                .isEqualTo(200);
        var counted = new HashMap<String, Long>();
        http.get("/api/v1/variables").body().get("variables").forEach(v -> {
            if (!v.get("builtIn").asBoolean()) {
                counted.put(v.get("name").asString(), v.get("parents").asLong());
            }
        });
        assertThat(counted).containsEntry("CALL0_CALENDLY_LINK", 2L).containsEntry("CHILD_SUPPORT_ID", 1L);
        // A variable no parent has any more leaves the palette.
        assertThat(http.post("/api/v1/directory/import", Map.of("parents", List.of(Map.of("id", "1", "phone", "06 11 11 11 11"),
                Map.of("id", "3", "phone", "06 33 33 33 33")))).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/variables").raw()).doesNotContain("CALL0_CALENDLY_LINK", "CHILD_SUPPORT_ID");
    }

    @Test
    void aDirectoryVariableIsRenderedAndARecipientWithoutAValueFailsNamingIt(TestNamespace namespace) {
        try (var requested = KafkaProbe.fromNow(namespace, Topics.SPOTHIT_REQUESTED);
             var statuses = KafkaProbe.fromNow(namespace, Topics.STATUS)) {
            var reply = http.post("/api/v1/programs", command("v-calendly", "Prenez rendez-vous : {CALL0_CALENDLY_LINK}"));

            assertThat(reply.status()).as(reply.raw()).isEqualTo(202);
            assertThat(reply.body().get("accepted").asInt()).isEqualTo(1);
            assertThat(reply.body().get("failed").toString()).contains("\"recipient\":\"parent:2\"", "\"reason\":\"MISSING_VARIABLE:CALL0_CALENDLY_LINK\"");
            var sent = requested.awaitEvent(MessageRequested.class, m -> m.getCampaignId().equals("v-calendly"), Duration.ofSeconds(15));
            assertThat(sent.getBody()).isEqualTo("Prenez rendez-vous : https://calendly.com/c/awa");
            assertThat(sent.getVariables()).containsEntry("CALL0_CALENDLY_LINK", "https://calendly.com/c/awa");
            var failed = statuses.awaitEvent(StatusUpdated.class,
                    s -> MessageIds.messageId("v-calendly", "parent:2").equals(s.getMessageId()), Duration.ofSeconds(15));
            assertThat(failed.getStatus()).isEqualTo(Status.FAILED);
            assertThat(failed.getReason()).isEqualTo("MISSING_VARIABLE:CALL0_CALENDLY_LINK");
            requested.assertNoneArrive(Duration.ofMillis(300));
        }
    }

    @Test
    void aVariableNoParentDeclaresIsRejectedByName() {
        var reply = http.post("/api/v1/programs", command("v-unknown", "Rendez-vous : {CALL3_CALENDLY_LINK}"));

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.body().get("code").asString()).isEqualTo("UNKNOWN_VARIABLE");
        assertThat(reply.body().get("variable").asString()).isEqualTo("CALL3_CALENDLY_LINK");
        assertThat(reply.body().get("detail").asString()).contains("{CALL3_CALENDLY_LINK}");
        var raw = http.post("/api/v1/programs", command("v-unknown-raw", "Bonjour", "recipients",
                List.of(Map.of("phone", "0644444444", "variables", Map.of("CALL3_CALENDLY_LINK", "x")))));
        assertThat(raw.status()).isEqualTo(422);
        assertThat(raw.body().get("variable").asString()).isEqualTo("CALL3_CALENDLY_LINK");
        var declared = http.post("/api/v1/programs", command("v-declared-raw", "Suivi {CHILD_SUPPORT_ID}", "recipients",
                List.of(Map.of("phone", "0644444444", "variables", Map.of("CHILD_SUPPORT_ID", "cs-9")))));
        assertThat(declared.status()).as(declared.raw()).isEqualTo(202);
        assertThat(declared.body().get("accepted").asInt()).isEqualTo(1);
    }

    @Test
    void badVariablesInTheDirectoryAreA400NamingTheFieldAndTheRule() {
        var badName = http.post("/api/v1/directory/import", Map.of("parents",
                List.of(Map.of("id", "9", "variables", Map.of("call-0", "x")))));
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.body().get("field").asString()).isEqualTo("parents[0].variables.call-0");
        assertThat(badName.body().get("rule").asString()).contains("upper-case");

        var tooMany = new HashMap<String, String>();
        for (int i = 0; i < 65; i++) {
            tooMany.put("V" + i, "x");
        }
        var many = http.post("/api/v1/directory/import", Map.of("parents", List.of(Map.of("id", "9", "variables", tooMany))));
        assertThat(many.status()).isEqualTo(400);
        assertThat(many.body().get("field").asString()).isEqualTo("parents[0].variables");
        assertThat(many.body().get("rule").asString()).contains("at most 64");

        var tooLong = http.post("/api/v1/directory/import", Map.of("parents",
                List.of(Map.of("id", "9", "variables", Map.of("NOTE", "x".repeat(2001))))));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().get("field").asString()).isEqualTo("parents[0].variables.NOTE");
        assertThat(tooLong.body().get("rule").asString()).contains("2000");
        assertThat(http.post("/api/v1/programs", command("v-nine", "Hi", "recipients", List.of(Map.of("selector", "parent.9"))))
                .body().get("dropped").toString()).as("nothing of a rejected import is stored").contains("UNKNOWN_PARENT");
    }

    @Test
    void badVariablesOfARawPhoneInACommandAreA400NamingTheFieldAndTheRule() {
        var badName = http.post("/api/v1/programs", command("v-raw-bad-name", "Bonjour", "recipients",
                List.of(Map.of("phone", "0644444444", "variables", Map.of("call-0", "x")))));
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.body().get("field").asString()).isEqualTo("recipients[0].variables.call-0");
        assertThat(badName.body().get("rule").asString()).contains("upper-case");

        var tooMany = new HashMap<String, String>();
        for (int i = 0; i < 65; i++) {
            tooMany.put("V" + i, "x");
        }
        var many = http.post("/api/v1/programs", command("v-raw-many", "Bonjour", "recipients",
                List.of(Map.of("phone", "0644444444", "variables", tooMany))));
        assertThat(many.status()).isEqualTo(400);
        assertThat(many.body().get("field").asString()).isEqualTo("recipients[0].variables");
        assertThat(many.body().get("rule").asString()).contains("at most 64");

        var tooLong = http.post("/api/v1/programs", command("v-raw-long", "Suivi {CHILD_SUPPORT_ID}", "recipients",
                List.of(Map.of("phone", "0644444444", "variables", Map.of("CHILD_SUPPORT_ID", "x".repeat(2001))))));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().get("field").asString()).isEqualTo("recipients[0].variables.CHILD_SUPPORT_ID");
        assertThat(tooLong.body().get("rule").asString()).contains("2000");

        var builtIn = http.post("/api/v1/programs", command("v-raw-built-in", "Bonjour {PRENOM_ENFANT}", "recipients",
                List.of(Map.of("phone", "0644444444", "variables", Map.of("PRENOM_ENFANT", "Awa")))));
        assertThat(builtIn.status()).as("a raw phone may give a built-in variable: " + builtIn.raw()).isEqualTo(202);
        assertThat(http.get("/api/v1/programs/v-raw-long").status()).as("nothing of a rejected command is stored").isEqualTo(404);
    }

    @Test
    void aParentFromTheDirectoryTopicBringsItsVariablesAndABadOneGoesToTheDeadLetterTopic(TestNamespace namespace) {
        try (var producer = new TestProducer(namespace);
             var dlt = KafkaProbe.fromBeginning(namespace, namespace.deadLetterTopic(Topics.DIRECTORY))) {
            producer.send(Topics.DIRECTORY, "parent:k-bad", ParentRecord.newBuilder().setId("k-bad").setPhone("0655555555")
                    .setVariables(Map.of("bad name", "x")).build());
            producer.send(Topics.DIRECTORY, "parent:k1", ParentRecord.newBuilder().setId("k1").setPhone("0655555555")
                    .setVariables(Map.of("RDV_CALENDLY_CANCEL_URL", "https://calendly.com/cancel/k1")).build());

            await().atMost(Duration.ofSeconds(20)).until(() -> http.get("/api/v1/variables").raw().contains("RDV_CALENDLY_CANCEL_URL"));
            var reply = http.post("/api/v1/programs", command("v-kafka", "Annuler : {RDV_CALENDLY_CANCEL_URL}",
                    "recipients", List.of(Map.of("selector", "parent.k1"))));
            assertThat(reply.status()).as(reply.raw()).isEqualTo(202);
            assertThat(reply.body().get("accepted").asInt()).isEqualTo(1);
            assertThat(dlt.awaitRecords(1, Duration.ofSeconds(20))).extracting(r -> r.key()).containsExactly("parent:k-bad");
        }
    }

    @Test
    void aRedirectionTargetWithoutUrlInTheTextGetsItAppendedAndTheReplySaysSo(TestNamespace namespace) {
        try (var requested = KafkaProbe.fromNow(namespace, Topics.SPOTHIT_REQUESTED)) {
            var reply = http.post("/api/v1/programs", command("v-append", "Une nouvelle vidéo vous attend", "redirectionTargetId", "r1",
                    "recipients", List.of(Map.of("selector", "parent.1"))));

            assertThat(reply.status()).as(reply.raw()).isEqualTo(202);
            assertThat(reply.body().get("notices").toString()).contains("{URL}", "appended");
            var sent = requested.awaitEvent(MessageRequested.class, m -> m.getCampaignId().equals("v-append"), Duration.ofSeconds(15));
            assertThat(sent.getBody()).matches("Une nouvelle vidéo vous attend https://m\\.example/r/[0-9A-Za-z]{8}");
            assertThat(sent.getTemplate()).isEqualTo("Une nouvelle vidéo vous attend {URL}");
        }
    }

    @Test
    void aFormLinkCarriesEachParentsToken(TestNamespace namespace) {
        try (var requested = KafkaProbe.fromNow(namespace, Topics.SPOTHIT_REQUESTED)) {
            var reply = http.post("/api/v1/programs", command("v-form", "Votre avis : https://form.typeform.com/to/Ab12#st=xxxx",
                    "recipients", List.of(Map.of("selector", "parent.1"), Map.of("selector", "parent.3"), Map.of("selector", "parent.2"))));

            assertThat(reply.status()).as(reply.raw()).isEqualTo(202);
            assertThat(reply.body().get("notices").toString()).contains("PARENT_SECURITY_TOKEN");
            assertThat(reply.body().get("failed").toString()).contains("MISSING_VARIABLE:PARENT_SECURITY_TOKEN");
            var sent = requested.awaitEvents(MessageRequested.class, 2, Duration.ofSeconds(15));
            assertThat(sent).extracting(MessageRequested::getBody).containsExactlyInAnyOrder(
                    "Votre avis : https://form.typeform.com/to/Ab12#st=tok-1", "Votre avis : https://form.typeform.com/to/Ab12#st=tok-3");
        }
    }

    @Test
    void aircallCountsAnEmojiAsTwoCharactersAndAnAccentAsOneAsTheDispatcherDoes() {
        var accents = http.post("/api/v1/programs", command("v-ac-accents", "é".repeat(1600), "provider", "AIRCALL", "supporterId", "s1",
                "recipients", List.of(Map.of("selector", "parent.1"))));
        assertThat(accents.status()).as(accents.raw()).isEqualTo(202);
        assertThat(accents.body().get("provider").asString()).isEqualTo("AIRCALL");

        var emoji = http.post("/api/v1/programs", command("v-ac-emoji", "😀".repeat(800), "provider", "AIRCALL", "supporterId", "s1",
                "recipients", List.of(Map.of("selector", "parent.1"))));
        assertThat(emoji.status()).as(emoji.raw()).isEqualTo(202);

        var tooMany = http.post("/api/v1/programs", command("v-ac-emoji-long", "😀".repeat(801), "provider", "AIRCALL",
                "supporterId", "s1", "recipients", List.of(Map.of("selector", "parent.1"))));
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.body().get("code").asString()).isEqualTo("AIRCALL_MESSAGE_TOO_LONG");
        assertThat(tooMany.body().get("detail").asString()).contains("1602");

        var auto = http.post("/api/v1/programs", command("v-ac-emoji-auto", "😀".repeat(801), "purpose", "call0_goals",
                "supporterId", "s1", "recipients", List.of(Map.of("selector", "parent.1"))));
        assertThat(auto.body().get("provider").asString()).as("AUTO falls back rather than choose a provider that refuses")
                .isEqualTo("SPOTHIT");
    }
}
