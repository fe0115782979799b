package io.missive.console.pages;

import static io.missive.console.ConsoleTestSettings.ADMIN_EMAIL;
import static io.missive.console.ConsoleTestSettings.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.missive.console.ConsoleHttp;
import io.missive.testkit.RealInfrastructure;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The compose page's preview with a stand-in scheduler answering its documented preview JSON: the channel each
 * sample takes and the counts per channel under the dispatcher's RCS mode, in French, every value escaped.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "missive.console.admin-email=" + ADMIN_EMAIL,
        "missive.console.admin-password=" + ADMIN_PASSWORD,
        "missive.console.signing-key-file=${java.io.tmpdir}/missive-console-tests/signing-key.pem",
        "missive.console.backends.tracker=http://localhost:1",
        "missive.console.backends.gateway=http://localhost:1"})
class ComposePreviewIntegrationTest {

    private static final String XSS = "<img src=x onerror=alert(1)>";
    private static final HttpServer SCHEDULER = scheduler();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void schedulerUrl(DynamicPropertyRegistry registry) {
        registry.add("missive.console.backends.scheduler", () -> "http://localhost:" + SCHEDULER.getAddress().getPort());
    }

    @AfterAll
    static void stopScheduler() {
        SCHEDULER.stop(0);
    }

    @Test
    void thePreviewSaysWhichChannelEachMessageTakesUnderTheRcsMode() {
        try (var browser = new ConsoleHttp(port)) {
            browser.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
            var preview = browser.submit("/composer", "/composer/apercu", Map.of("message", "Bonjour", "recipients", "parent.1"));

            assertThat(preview.statusCode()).isEqualTo(200);
            assertThat(preview.body()).contains("<dd id=\"preview-channel\">RCS basique</dd>")
                    .containsPattern("(?s)id=\"preview-channels\".*Par canal.*RCS basique 2, .*SMS 1")
                    .contains("(mode RCS : textes courts (160 octets au plus) en RCS basique)")
                    .contains("8 caractères · 1 SMS · GSM7 · RCS basique")
                    .contains("caractères · 2 SMS · UCS2 · SMS")
                    .doesNotContain(XSS).contains("&lt;img src=x onerror=alert(1)&gt;");
        }
    }

    /** Answers the preview as the scheduler documents it: two short messages as RCS basic, one long one as SMS. */
    private static HttpServer scheduler() {
        try {
            var server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", exchange -> {
                boolean preview = exchange.getRequestURI().getPath().equals("/api/v1/programs/preview");
                var body = preview ? """
                        {"commandId":"console-1","askedAt":"2026-12-02T10:00:00Z","plannedAt":"2026-12-02T10:00:00Z","notices":[],
                         "provider":"SPOTHIT","aircallNumberId":null,"channel":"RCS_BASIC","recipients":3,"sendable":3,"dropped":0,
                         "drops":{},"failures":{},"smsUnits":4,"encodings":{"GSM7":2,"UCS2":1},"guard":"PASS",
                         "channels":{"RCS_BASIC":2,"SMS":1},"rcsMode":"short-as-basic",
                         "samples":[
                          {"messageId":"m1","recipient":"parent:1","parentId":"1","parentName":"Awa","childId":null,"body":"Bonjour!",
                           "characters":8,"segments":1,"encoding":"GSM7","ucs2Character":null,"channel":"RCS_BASIC","missing":[]},
                          {"messageId":"m2","recipient":"parent:2","parentId":"2","parentName":"%s","childId":null,"body":"Bonjour",
                           "characters":7,"segments":1,"encoding":"GSM7","ucs2Character":null,"channel":"RCS_BASIC","missing":[]},
                          {"messageId":"m3","recipient":"parent:3","parentId":"3","parentName":"Léo","childId":null,"body":"%s",
                           "characters":100,"segments":2,"encoding":"UCS2","ucs2Character":"€","channel":"SMS","missing":[]}]}"""
                        .formatted(XSS, "€".repeat(100)) : "{}";
                var bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(preview ? 200 : 404, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
