package io.missive.gateway.resilience;

import static io.missive.gateway.GatewayHttp.query;
import static org.assertj.core.api.Assertions.assertThat;

import io.missive.events.StatusUpdated;
import io.missive.gateway.GatewayHttp;
import io.missive.schemas.topics.Topics;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.kafka.KafkaProbe;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A few thousand random and malformed requests on loopback (bounded, seeded): none gets a 5xx (the
 * documented 503 is for a broker outage, and the broker is up here), and the service stays up and
 * keeps publishing.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "missive.gateway.aircall.message-token=" + GatewayFuzzIntegrationTest.TOKEN,
        "missive.gateway.aircall.call-token=" + GatewayFuzzIntegrationTest.TOKEN,
        "missive.gateway.aircall.event-message-status-updated-token=" + GatewayFuzzIntegrationTest.TOKEN})
class GatewayFuzzIntegrationTest {

    static final String TOKEN = "fuzz-token";
    private static final int HTTP_REQUESTS = 3_000;
    private static final int RAW_REQUESTS = 300;
    private static final long SEED = Long.getLong("fuzz.seed", 20261125L);

    private static final List<String> PATHS = List.of(
            "/spot_hit/status", "/spot_hit/stop", "/spot_hit/response", "/events/123/update_status",
            "/events/spot_hit_stop", "/events/spot_hit_response", "/spot_hit/rcs", "/aircall/messages", "/aircall/calls",
            "/aircall/events_messages_status_updated", "/r/Ab3dE6gH", "/r/x", "/", "/actuator/health",
            "/events//update_status", "/events/%2e%2e/update_status", "/spot_hit", "/aircall", "/r/");
    private static final List<String> METHODS = List.of("GET", "GET", "POST", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD");
    private static final List<String> PARAMS = List.of("id_message", "statut", "numero", "message", "id", "date", "token", "secret");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/x-www-form-urlencoded",
            "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/json; charset=latin1", "*/*", "garbage");

    @LocalServerPort
    int port;

    @Test
    void randomAndMalformedRequestsNeverGetA5xxAndTheServiceStaysUp(TestNamespace namespace) throws Exception {
        var statuses = new ConcurrentHashMap<Integer, AtomicInteger>();
        var serverErrors = new ConcurrentHashMap<String, Integer>();
        try (var http = new GatewayHttp(port); var pool = Executors.newFixedThreadPool(16, Thread.ofVirtual().factory())) {
            var random = new Random(SEED);
            var requests = IntStream.range(0, HTTP_REQUESTS).mapToObj(i -> randomRequest(http, new Random(random.nextLong()))).toList();
            var futures = requests.stream().map(request -> pool.submit(() -> {
                var response = http.send(request.builder());
                count(statuses, response.statusCode());
                if (response.statusCode() >= 500 && response.statusCode() != 503) {
                    serverErrors.put(request.description(), response.statusCode());
                }
            })).toList();
            for (var future : futures) {
                future.get();
            }
            var rawFutures = IntStream.range(0, RAW_REQUESTS).mapToObj(i -> new Random(random.nextLong()))
                    .map(r -> pool.submit(() -> {
                        var raw = rawRequest(r);
                        int status = sendRaw(raw);
                        count(statuses, status);
                        if (status >= 500 && status != 503 && !(status == 505 && !isHttp1(raw))) {
                            serverErrors.put("raw: " + printable(raw), status);
                        }
                    })).toList();
            for (var future : rawFutures) {
                future.get();
            }

            System.out.printf("fuzz seed=%d requests=%d statuses=%s%n", SEED, HTTP_REQUESTS + RAW_REQUESTS,
                    statuses.entrySet().stream().sorted(Map.Entry.comparingByKey())
                            .map(e -> e.getKey() + "×" + e.getValue()).collect(Collectors.joining(" ")));
            assertThat(serverErrors.entrySet().stream().limit(10).map(e -> e.getValue() + " " + e.getKey()).toList())
                    .as("requests answered with a 5xx (%d in all)", serverErrors.size()).isEmpty();

            // still up, still publishing
            assertThat(http.get("/actuator/health").body()).contains("\"status\":\"UP\"");
            try (var status = KafkaProbe.fromNow(namespace, Topics.STATUS)) {
                assertThat(http.get("/spot_hit/status" + query("id_message", "after-fuzz", "statut", "1")).statusCode()).isEqualTo(200);
                status.awaitEvent(StatusUpdated.class, e -> "after-fuzz".equals(e.getProviderMessageId()), Duration.ofSeconds(15));
            }
        }
    }

    private static void count(ConcurrentMap<Integer, AtomicInteger> statuses, int status) {
        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
    }

    private record FuzzRequest(HttpRequest.Builder builder, String description) {
    }

    private FuzzRequest randomRequest(GatewayHttp http, Random random) {
        var path = random.nextInt(10) == 0 ? "/" + encode(randomText(random, 20)) : PATHS.get(random.nextInt(PATHS.size()));
        var query = new StringBuilder();
        int params = random.nextInt(5);
        for (int i = 0; i < params; i++) {
            query.append(i == 0 ? "?" : "&")
                    .append(random.nextInt(8) == 0 ? encode(randomText(random, 8)) : PARAMS.get(random.nextInt(PARAMS.size())))
                    .append('=').append(encode(randomValue(random)));
        }
        var method = METHODS.get(random.nextInt(METHODS.size()));
        var body = randomBody(random);
        var builder = HttpRequest.newBuilder(http.uri(path + query));
        if (method.equals("GET") || method.equals("DELETE") || method.equals("OPTIONS") || method.equals("HEAD")) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", CONTENT_TYPES.get(random.nextInt(CONTENT_TYPES.size())))
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        return new FuzzRequest(builder, method + " " + path + query + " body=" + printable(new String(body, StandardCharsets.UTF_8)));
    }

    private static String randomValue(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> "";
            case 1 -> Integer.toString(random.nextInt(20) - 5);
            case 2 -> "06" + String.format("%08d", random.nextInt(100_000_000));
            case 3 -> "+33" + random.nextInt(1_000_000_000);
            case 4 -> "9".repeat(random.nextInt(40));
            case 5 -> "x".repeat(random.nextInt(10_000));
            case 6 -> "STOP";
            case 7 -> "\u0000\r\n\t<script>alert(1)</script>";
            case 8 -> "%ZZ%%" + randomText(random, 5);
            case 9 -> TOKEN;
            default -> randomText(random, 30);
        };
    }

    private static byte[] randomBody(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> new byte[0];
            case 1 -> {
                var bytes = new byte[random.nextInt(4096)];
                random.nextBytes(bytes);
                yield bytes;
            }
            case 2 -> "[".repeat(5_000).getBytes(StandardCharsets.UTF_8);
            case 3 -> ("{\"token\":\"" + TOKEN + "\",\"event\":\"message.received\",\"timestamp\":" + random.nextLong()
                    + ",\"data\":{\"id\":" + random.nextInt() + ",\"external_number\":\"" + randomValue(random)
                    + "\",\"body\":\"" + randomText(random, 50).replace("\"", "").replace("\\", "") + "\"}}").getBytes(StandardCharsets.UTF_8);
            case 4 -> ("{\"token\":\"" + TOKEN + "\",\"event\":" + jsonScalar(random) + ",\"data\":{\"id\":" + jsonScalar(random)
                    + ",\"status\":" + jsonScalar(random) + ",\"duration\":" + jsonScalar(random) + ",\"number\":" + jsonScalar(random)
                    + "}}").getBytes(StandardCharsets.UTF_8);
            case 5 -> ("{\"token\":\"" + TOKEN + "\",\"event\":\"call.created\",\"data\":{\"id\":1").getBytes(StandardCharsets.UTF_8);
            case 6 -> "x".repeat(70_000 + random.nextInt(10_000)).getBytes(StandardCharsets.UTF_8);
            case 7 -> ("numero=" + encode(randomValue(random)) + "&message=" + encode(randomValue(random)) + "&statut="
                    + encode(randomValue(random))).getBytes(StandardCharsets.UTF_8);
            default -> randomText(random, 200).getBytes(StandardCharsets.UTF_8);
        };
    }

    private static String jsonScalar(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> "null";
            case 1 -> "true";
            case 2 -> "1e400";
            case 3 -> "-99999999999999999999999999";
            case 4 -> "[]";
            case 5 -> "{}";
            case 6 -> "\"message.status_updated\"";
            default -> "\"" + randomText(random, 10).replace("\"", "").replace("\\", "") + "\"";
        };
    }

    private static String randomText(Random random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        var text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(switch (random.nextInt(4)) {
                case 0 -> 'a' + random.nextInt(26);
                case 1 -> random.nextInt(0x80);
                case 2 -> 0xA0 + random.nextInt(0x2000);
                default -> 0x1F300 + random.nextInt(0x100);
            });
        }
        return text.toString();
    }

    /** Requests no well-behaved client would send: bad request lines, bad escapes, huge or broken headers. */
    private static String rawRequest(Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> "GET /spot_hit/status?id_message=%ZZ&statut=%G1 HTTP/1.1\r\nHost: x\r\n\r\n";
            case 1 -> "GET /r/%00%ff%fe HTTP/1.1\r\nHost: x\r\n\r\n";
            case 2 -> "BREW /spot_hit/status HTTP/1.1\r\nHost: x\r\n\r\n";
            case 3 -> "GET /spot_hit/status HTTP/9.9\r\nHost: x\r\n\r\n";
            case 4 -> "GET /spot_hit/status?x=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n";
            case 5 -> "POST /aircall/messages HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n{}";
            case 6 -> "POST /aircall/messages HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n"
                    + "zz\r\n{}\r\n0\r\n\r\n";
            case 7 -> "POST /aircall/calls HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n"
                    + ("4000\r\n" + "a".repeat(0x4000) + "\r\n").repeat(6) + "0\r\n\r\n";
            default -> "GET /" + randomText(random, 30).replace("\r", "").replace("\n", "") + " HTTP/1.1\r\nHost: x\r\n\r\n";
        };
    }

    /**
     * Whether a raw request line speaks HTTP/1.x. Tomcat answers any other version with 505 before the
     * request reaches the service: that is the protocol's answer, not a failure of the gateway.
     */
    private static boolean isHttp1(String raw) {
        var requestLine = raw.substring(0, raw.indexOf("\r\n"));
        return requestLine.endsWith(" HTTP/1.1") || requestLine.endsWith(" HTTP/1.0");
    }

    /** The status code of the response, or 0 when the server closed the connection without one. */
    private int sendRaw(String request) {
        try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            var line = statusLine(socket.getInputStream());
            var parts = line.split(" ");
            return parts.length > 1 && parts[1].matches("\\d{3}") ? Integer.parseInt(parts[1]) : 0;
        } catch (IOException closed) {
            return 0;
        }
    }

    private static String statusLine(InputStream in) throws IOException {
        var line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n' && line.length() < 200) {
            line.append((char) c);
        }
        return line.toString().strip();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String printable(String text) {
        var shortened = text.length() > 120 ? text.substring(0, 120) + "…" : text;
        return shortened.replaceAll("\\p{Cntrl}", "?");
    }
}
