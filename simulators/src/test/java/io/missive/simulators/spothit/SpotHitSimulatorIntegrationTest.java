package io.missive.simulators.spothit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.missive.simulators.spothit.SpotHitSimulatorConfig.ReceiptPlan;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator speaks SpotHit's form API over HTTP, refuses as SpotHit does and fires receipts. */
class SpotHitSimulatorIntegrationTest {

    private static final String KEY = "sim-key";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private SpotHitSimulator simulator = SpotHitSimulator.start(SpotHitSimulatorConfig.forTests(KEY));

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void acceptsABulkCallWithPerRecipientVariablesAndRecordsEachRecipient() throws Exception {
        var form = new LinkedHashMap<String, String>();
        form.put("key", KEY);
        form.put("message", "Bonjour, {PRENOM_ENFANT} a une vidéo");
        form.put("destinataires_type", "datas");
        form.put("destinataires[+33612345678][PRENOM_ENFANT]", "Lina");
        form.put("destinataires[+33612345679][PRENOM_ENFANT]", "Noé");
        form.put("smslong", "1");

        var response = post(SpotHitSimulator.SMS_PATH, form);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).matches("\\{\"resultat\":1,\"id\":\\d+}");
        assertThat(simulator.acceptedCount("+33612345678")).isEqualTo(1);
        assertThat(simulator.acceptedCount("+33612345679")).isEqualTo(1);
        assertThat(simulator.acceptedMessages()).extracting(AcceptedMessage::text)
                .containsExactlyInAnyOrder("Bonjour, Lina a une vidéo", "Bonjour, Noé a une vidéo");
        assertThat(simulator.duplicatedPhones()).isEmpty();
    }

    @Test
    void acceptsAPlainListOfRecipientsAndAnMmsOfAnUploadedFile() throws Exception {
        var sms = post(SpotHitSimulator.SMS_PATH, Map.of("key", KEY, "message", "Atelier demain",
                "destinataires", "+33612345678,+33612345679"));
        var upload = upload(KEY, SpotHitSimulator.SAMPLE_PNG);
        assertThat(upload.body()).startsWith("{\"success\":true,\"file\":\"media-");
        var mediaId = upload.body().replaceAll(".*\"file\":\"([^\"]+)\".*", "$1");
        var mms = post(SpotHitSimulator.MMS_PATH, Map.of("key", KEY, "message", "Photo",
                "destinataires", "+33612345678", "fichier", mediaId));

        assertThat(sms.body()).contains("\"resultat\":1");
        assertThat(mms.body()).contains("\"resultat\":1");
        assertThat(simulator.uploads()).singleElement().satisfies(media -> {
            assertThat(media.mediaId()).isEqualTo(mediaId);
            assertThat(media.bytes()).isEqualTo(SpotHitSimulator.SAMPLE_PNG.length);
            assertThat(media.contentType()).isEqualTo("image/png");
            assertThat(media.sha256()).hasSize(64);
        });
        assertThat(simulator.acceptedCount("+33612345678")).isEqualTo(2);
        assertThat(simulator.duplicatedPhones()).containsOnlyKeys("+33612345678");
        assertThat(simulator.acceptedMessages()).filteredOn(message -> message.endpoint().equals("mms"))
                .singleElement().satisfies(message -> assertThat(message.attachment()).isEqualTo(mediaId));
    }

    @Test
    void refusesAnMmsWhoseFileIsAUrlOrAnUnknownIdAndAnUploadWithAWrongKey() throws Exception {
        assertThat(post(SpotHitSimulator.MMS_PATH, Map.of("key", KEY, "message", "Photo", "destinataires", "+33612345678",
                "fichier", "https://example.org/a.jpg")).body()).isEqualTo("{\"resultat\":0,\"erreurs\":\"fichier\"}");
        assertThat(post(SpotHitSimulator.MMS_PATH, Map.of("key", KEY, "message", "Photo", "destinataires", "+33612345678",
                "fichier", "media-404")).body()).isEqualTo("{\"resultat\":0,\"erreurs\":\"fichier\"}");
        assertThat(upload("wrong", SpotHitSimulator.SAMPLE_PNG).body()).contains("\"success\":false");
        assertThat(simulator.totalAccepted()).isZero();
        assertThat(simulator.uploads()).isEmpty();
    }

    @Test
    void servesASampleImageForTheLocalStack() throws Exception {
        var image = http.send(HttpRequest.newBuilder(URI.create(simulator.sampleImageUrl())).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(image.body()).isEqualTo(SpotHitSimulator.SAMPLE_PNG);
        assertThat(simulator.sampleFetches()).isEqualTo(1);
    }

    private HttpResponse<String> upload(String key, byte[] file) throws IOException, InterruptedException {
        var boundary = "sim-test-boundary";
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\n" + key + "\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"sample.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl() + SpotHitSimulator.UPLOAD_PATH))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void refusesWithSpotHitErrorCodes() throws Exception {
        assertThat(post(SpotHitSimulator.SMS_PATH, Map.of("key", "wrong", "message", "x", "destinataires", "+33612345678")).body())
                .isEqualTo("{\"resultat\":0,\"erreurs\":\"30\"}");
        assertThat(post(SpotHitSimulator.SMS_PATH, Map.of("key", KEY, "message", "x".repeat(161), "destinataires", "+33612345678")).body())
                .isEqualTo("{\"resultat\":0,\"erreurs\":\"3\"}");
        assertThat(post(SpotHitSimulator.SMS_PATH, Map.of("key", KEY, "message", "x", "destinataires", "12ab")).body())
                .isEqualTo("{\"resultat\":0,\"erreurs\":\"6\"}");
        assertThat(post(SpotHitSimulator.SMS_PATH, Map.of("key", KEY, "message", "", "destinataires", "")).body())
                .isEqualTo("{\"resultat\":0,\"erreurs\":\"2,4\"}");
        assertThat(simulator.totalAccepted()).isZero();
    }

    @Test
    void injectsServerErrorsRateLimitRefusalsAndHeldAnswers() throws Exception {
        var form = Map.of("key", KEY, "message", "x", "destinataires", "+33612345678");
        simulator.faults().serverErrors(1, 503).rateLimitRefusals(1).holdAfterAccepting(1, Duration.ofSeconds(2));

        assertThat(post(SpotHitSimulator.SMS_PATH, form).statusCode()).isEqualTo(503);
        assertThat(post(SpotHitSimulator.SMS_PATH, form).body()).isEqualTo("{\"resultat\":0,\"erreurs\":\"63\"}");
        var held = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + SpotHitSimulator.SMS_PATH))
                .timeout(Duration.ofMillis(300)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> http.send(held, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(java.net.http.HttpTimeoutException.class);

        assertThat(simulator.acceptedCount("+33612345678")).as("accepted although the client timed out").isEqualTo(1);
        assertThat(simulator.calls()).hasSize(3);
        assertThat(simulator.callsNaming("+33612345678")).as("named by every call, refused or not").isEqualTo(3);
    }

    @Test
    void refusesCallsOverItsRateLimit() throws Exception {
        simulator.close();
        simulator = SpotHitSimulator.start(SpotHitSimulatorConfig.forTests(KEY).withRateLimitPerSecond(2));
        var form = Map.of("key", KEY, "message", "x", "destinataires", "+33612345678");

        var answers = new java.util.ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            answers.add(post(SpotHitSimulator.SMS_PATH, form).body());
        }

        assertThat(answers.getLast()).isEqualTo("{\"resultat\":0,\"erreurs\":\"63\"}");
        assertThat(simulator.maxCallsInAnySecond()).isEqualTo(3);
    }

    @Test
    void firesDeliveryReceiptsToTheCallbackAtLeastOnce() throws Exception {
        var received = new ConcurrentLinkedQueue<String>();
        var callback = HttpServer.create(new InetSocketAddress(0), 50);
        callback.createContext("/spot_hit/status", exchange -> {
            received.add(exchange.getRequestURI().getRawQuery());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        callback.start();
        try {
            var url = "http://localhost:" + callback.getAddress().getPort() + "/spot_hit/status";
            simulator.receipts(ReceiptPlan.allDelivered(url).withTiming(Duration.ofMillis(50), Duration.ofMillis(100))
                    .withDisorder(1.0, 0));
            var body = post(SpotHitSimulator.SMS_PATH, Map.of("key", KEY, "message", "x",
                    "destinataires", "+33612345678,+33612345679")).body();
            var campaignId = body.replaceAll("\\D", "").substring(1);

            await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 4);
            assertThat(received).containsOnly(
                    "id_message=" + campaignId + "&numero=%2B33612345678&statut=1",
                    "id_message=" + campaignId + "&numero=%2B33612345679&statut=1");
        } finally {
            callback.stop(0);
        }
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
