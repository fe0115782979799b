package io.missive.scheduler.program;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.events.Channel;
import io.missive.events.ChannelChoice;
import io.missive.events.MessagePlanned;
import io.missive.events.MessageRequested;
import io.missive.schemas.topics.Topics;
import io.missive.scheduler.SchedulerHttp;
import io.missive.simulators.spothit.SpotHitSimulator;
import io.missive.simulators.spothit.SpotHitSimulatorConfig;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.kafka.KafkaProbe;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issues 17 and 19 at acceptance: an attachment the policy refuses is a 422 naming the rule, before anything is stored;
 * Aircall takes no attachment; the command's channel and media id reach the SpotHit dispatcher. The SpotHit simulator
 * serves the attachments, on "localhost", named as the devstack's own host (decision 0207).
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "AIRCALL_ENABLED=true", "AIRCALL_MESSAGE_ENABLED=true",
        "missive.attachment.hosts=media.example.org,127.0.0.1",
        "missive.attachment.local-hosts=localhost",
        "missive.attachment.max-bytes=1000"})
class AttachmentAndChannelIntegrationTest {

    static final SpotHitSimulator files = SpotHitSimulator.start(SpotHitSimulatorConfig.forTests("unused"));

    @LocalServerPort
    int port;

    SchedulerHttp http;

    @AfterAll
    static void stop() {
        files.close();
    }

    @BeforeEach
    void directory() {
        http = new SchedulerHttp(port);
        var body = new LinkedHashMap<String, Object>();
        body.put("parents", List.of(
                Map.of("id", "1", "phone", "06 11 11 11 11", "firstName", "Awa", "supporterId", "s1"),
                Map.of("id", "2", "phone", "06 22 22 22 22", "firstName", "Binta", "supporterId", "s1")));
        body.put("children", List.of(Map.of("id", "11", "firstName", "Lina", "parentId", "1", "groupId", "g1"),
                Map.of("id", "12", "firstName", "Noé", "parentId", "2", "groupId", "g1")));
        body.put("groups", List.of(Map.of("id", "g1", "status", "active")));
        body.put("supporters", List.of(Map.of("id", "s1", "firstName", "Claire", "aircallNumber", "+33176543210",
                "aircallNumberId", "123456")));
        assertThat(http.post("/api/v1/directory/import", body).status()).isEqualTo(200);
    }

    private static Map<String, Object> command(String commandId, Object... extra) {
        var command = new LinkedHashMap<String, Object>();
        command.put("commandId", commandId);
        command.put("message", "La photo de l'atelier");
        command.put("recipients", List.of(Map.of("selector", "parent.1")));
        for (int i = 0; i < extra.length; i += 2) {
            command.put((String) extra[i], extra[i + 1]);
        }
        return command;
    }

    private static Map<String, String> attachment(String url) {
        return attachment(url, "image/png");
    }

    private static Map<String, String> attachment(String url, String contentType) {
        return Map.of("fileName", "atelier.png", "contentType", contentType, "url", url);
    }

    private void assertRejected(Map<String, Object> command, String code, String detailContains) {
        var reply = http.post("/api/v1/programs", command);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(422);
        assertThat(reply.body().get("code").asString()).isEqualTo(code);
        assertThat(reply.body().get("detail").asString()).contains(detailContains);
        assertThat(http.get("/api/v1/programs/" + command.get("commandId")).status()).as("nothing stored").isEqualTo(404);
    }

    @Test
    void anAttachmentThePolicyRefusesIsRejectedAtAcceptanceNamingTheRule() {
        assertRejected(command("a-http", "attachment", attachment("http://media.example.org/a.png")),
                "ATTACHMENT_NOT_HTTPS", "https only");
        assertRejected(command("a-host", "attachment", attachment("https://evil.example.com/a.png")),
                "ATTACHMENT_HOST_NOT_ALLOWED", "evil.example.com");
        assertRejected(command("a-private", "attachment", attachment("https://127.0.0.1:1/a.png")),
                "ATTACHMENT_PRIVATE_ADDRESS", "127.0.0.1");
        assertRejected(command("a-large", "attachment", attachment(files.sampleImageUrl("x".repeat(1200)))),
                "ATTACHMENT_TOO_LARGE", "at most 1000");
        assertRejected(command("a-type", "attachment", attachment(files.baseUrl() + "/simulator/stats")),
                "ATTACHMENT_TYPE_NOT_ALLOWED", "application/json");
        assertRejected(command("a-declared", "attachment", attachment(files.sampleImageUrl(), "application/pdf")),
                "ATTACHMENT_TYPE_NOT_ALLOWED", "application/pdf");
        assertRejected(command("a-gone", "attachment", attachment(files.baseUrl() + "/simulator/gone.png")),
                "ATTACHMENT_UNREACHABLE", "404");
        assertThat(files.sampleFetches()).as("the size was read from the headers, not the file").isZero();
    }

    @Test
    void aircallTakesNoAttachmentAndAutoPicksSpotHitForOne() {
        assertRejected(command("a-aircall", "attachment", attachment(files.sampleImageUrl()), "provider", "AIRCALL",
                "supporterId", "s1"), "ATTACHMENT_NOT_SENT_BY_AIRCALL", "AIRCALL");
        var auto = http.post("/api/v1/programs", command("a-auto", "attachment", attachment(files.sampleImageUrl()),
                "purpose", "call0_goals", "supporterId", "s1"));
        assertThat(auto.status()).as(auto.raw()).isEqualTo(202);
        assertThat(auto.body().get("provider").asString()).isEqualTo("SPOTHIT");
    }

    @Test
    void theChannelAndMediaIdAskedReachTheSpotHitDispatcher(TestNamespace namespace) {
        try (var requested = KafkaProbe.fromNow(namespace, Topics.SPOTHIT_REQUESTED);
             var planned = KafkaProbe.fromNow(namespace, Topics.PLANNED)) {
            assertThat(http.post("/api/v1/programs", command("c-rich", "channel", "RCS", "mediaId", "media-9")).status())
                    .isEqualTo(202);
            assertThat(http.post("/api/v1/programs", command("c-mms", "channel", "SMS",
                    "attachment", attachment(files.sampleImageUrl()))).status()).isEqualTo(202);
            assertThat(http.post("/api/v1/programs", command("c-auto")).status()).isEqualTo(202);

            var rich = requested.awaitEvent(MessageRequested.class, m -> m.getCampaignId().equals("c-rich"), Duration.ofSeconds(20));
            assertThat(rich.getChannel()).isEqualTo(ChannelChoice.RCS);
            assertThat(rich.getMediaId()).isEqualTo("media-9");
            var mms = requested.awaitEvent(MessageRequested.class, m -> m.getCampaignId().equals("c-mms"), Duration.ofSeconds(20));
            assertThat(mms.getChannel()).isEqualTo(ChannelChoice.SMS);
            assertThat(mms.getAttachment().getUrl()).isEqualTo(files.sampleImageUrl());
            var auto = requested.awaitEvent(MessageRequested.class, m -> m.getCampaignId().equals("c-auto"), Duration.ofSeconds(20));
            assertThat(auto.getChannel()).isEqualTo(ChannelChoice.AUTO);
            assertThat(auto.getMediaId()).isNull();

            // Planned: the channel when the scheduler knows it (SMS asked), none when the dispatcher's RCS mode decides.
            assertThat(planned.awaitEvent(MessagePlanned.class, m -> m.getCampaignId().equals("c-mms"), Duration.ofSeconds(20))
                    .getChannel()).isEqualTo(Channel.MMS);
            assertThat(planned.awaitEvent(MessagePlanned.class, m -> m.getCampaignId().equals("c-rich"), Duration.ofSeconds(20))
                    .getChannel()).isNull();
        }
    }
}
