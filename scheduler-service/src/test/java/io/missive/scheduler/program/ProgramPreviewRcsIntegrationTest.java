package io.missive.scheduler.program;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.scheduler.DemoDirectory;
import io.missive.scheduler.SchedulerHttp;
import io.missive.testkit.RealInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The preview under {@code MISSIVE_RCS_MODE=short-as-basic} says, by the SpotHit dispatcher's own rule
 * ({@code ChannelRule}, decision 0206), which channel each message takes: a short text as RCS basic, a long
 * one as SMS, and 160 bytes of UTF-8 (not 160 characters) as the limit, per rendered message.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "missive.scheduler.rcs-mode=short-as-basic")
class ProgramPreviewRcsIntegrationTest {

    @LocalServerPort
    int port;

    private SchedulerHttp http;

    @BeforeEach
    void directory() {
        http = new SchedulerHttp(port);
        assertThat(http.post("/api/v1/directory/import", DemoDirectory.of(20)).status()).isEqualTo(200);
    }

    @Test
    void aShortTextGoesAsRcsBasic() {
        var preview = preview(command("rcs-short", "Bonjour, {PRENOM_ENFANT} a atelier demain à 10h.", "p9", "p10", "p11"));

        assertThat(preview.get("rcsMode").asString()).isEqualTo("short-as-basic");
        assertThat(preview.get("channel").asString()).isEqualTo("RCS_BASIC");
        assertThat(counts(preview.get("channels"))).containsExactly(Map.entry("RCS_BASIC", 3));
        assertThat(preview.get("samples").valueStream().map(s -> s.get("channel").asString()))
                .containsExactly("RCS_BASIC", "RCS_BASIC", "RCS_BASIC");
    }

    @Test
    void aLongTextGoesAsSms() {
        var preview = preview(command("rcs-long", "Bonjour, {PRENOM_ENFANT} a un atelier demain. " + "Merci de venir. ".repeat(10),
                "p9", "p10"));

        assertThat(preview.get("channel").asString()).isEqualTo("SMS");
        assertThat(counts(preview.get("channels"))).containsExactly(Map.entry("SMS", 2));
        assertThat(preview.get("samples").get(0).get("channel").asString()).isEqualTo("SMS");
    }

    @Test
    void anAccentedTextIsMeasuredInBytesPerRenderedMessage() {
        // Rendered for p9 ("Enfant9") it is exactly 160 bytes of UTF-8; for p10 and p11 ("Enfant10"…) 161, though
        // far fewer than 160 characters: é counts 2 bytes.
        var start = "{PRENOM_ENFANT} : réunion à l'école demain, goûter offert ";
        int room = 160 - bytes("Enfant9" + start.substring("{PRENOM_ENFANT}".length()));
        var message = start + (room % 2 == 1 ? "a" : "") + "é".repeat(room / 2);
        var preview = preview(command("rcs-accents", message, "p9", "p10", "p11"));

        var samples = preview.get("samples");
        assertThat(bytes(samples.get(0).get("body").asString())).isEqualTo(160);
        assertThat(bytes(samples.get(1).get("body").asString())).isEqualTo(161);
        assertThat(samples.get(1).get("characters").asInt()).isLessThan(160);
        assertThat(samples.valueStream().map(s -> s.get("channel").asString())).containsExactly("RCS_BASIC", "SMS", "SMS");
        assertThat(counts(preview.get("channels"))).containsExactly(Map.entry("SMS", 2), Map.entry("RCS_BASIC", 1));
        assertThat(preview.get("channel").asString()).isEqualTo("SMS");
    }

    @Test
    void aCommandThatAsksSmsStaysSms() {
        var command = command("rcs-asked-sms", "Bonjour, atelier demain à 10h.", "p9");
        command.put("channel", "SMS");
        var preview = preview(command);

        assertThat(preview.get("channel").asString()).isEqualTo("SMS");
        assertThat(counts(preview.get("channels"))).containsExactly(Map.entry("SMS", 1));
    }

    private JsonNode preview(Map<String, Object> command) {
        var reply = http.post("/api/v1/programs/preview", command);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        return reply.body();
    }

    private static Map<String, Object> command(String id, String message, String... parents) {
        var command = new LinkedHashMap<String, Object>();
        command.put("commandId", id);
        command.put("plannedAt", Instant.now().plus(Duration.ofHours(1)).toString());
        command.put("recipients", List.of(parents).stream().map(p -> Map.of("selector", "parent." + p)).toList());
        command.put("message", message);
        return command;
    }

    private static Map<String, Integer> counts(JsonNode channels) {
        var counts = new LinkedHashMap<String, Integer>();
        channels.propertyNames().forEach(name -> counts.put(name, channels.get(name).asInt()));
        return counts;
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
