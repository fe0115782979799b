package io.missive.testkit.simulator.aircall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Aircall's public API as far as Missive uses it, over real HTTP:
 * {@code POST /v1/numbers/{number_id}/messages/native/send} (and {@code /messages/send}) with HTTP
 * Basic auth and a JSON {@code {to, body}}. It answers 401 on bad credentials, 404 on an unknown
 * number id, 422 on a body over 1600 characters or a number that is not E.164, and otherwise the
 * message with its {@code id}. Every reply carries {@code X-AircallApi-Limit}, {@code -Remaining}
 * and {@code -Reset} (epoch seconds); a request over the limit gets 429 and is counted in
 * {@link #overLimitRequests()}, which a well-behaved client keeps at zero.
 *
 * <p>After accepting a message it fires {@code message.status_updated} webhooks ({@code sent},
 * then {@code delivered} or {@code failed}) at least once, sometimes twice and sometimes out of
 * order, as configured, and optionally {@code message.sent}; {@link #receive} fires a
 * {@code message.received}. Faults on demand:
 * {@link #failNext}, {@link #failFirstAttemptsTo}, {@link #hangNext}, {@link #throttleNext}.
 *
 * <pre>{@code
 * try (var aircall = AircallSimulator.start(AircallSimulatorConfig.builder().rateLimit(60, Duration.ofSeconds(2)).build())) {
 *     // point the dispatcher at aircall.baseUrl() with credentials sim-id / sim-token ...
 *     assertThat(aircall.overLimitRequests()).isZero();
 * }
 * }</pre>
 */
public final class AircallSimulator implements AutoCloseable {

    /** Aircall's limit for one SMS body. */
    public static final int MAX_BODY_LENGTH = 1600;

    private static final Pattern SEND_PATH = Pattern.compile("^/v1/numbers/([^/]+)/messages(?:/native)?/send/?$");
    private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{7,14}$");

    private final AircallSimulatorConfig config;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService webhookTimer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("aircall-simulator-webhooks").factory());
    private final HttpClient webhookClient = HttpClient.newBuilder()
            .executor(handlers).connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Random random;

    private final AtomicLong nextMessageId = new AtomicLong(100_000);
    private final List<AcceptedMessage> accepted = new CopyOnWriteArrayList<>();
    private final List<SendAttempt> attempts = new CopyOnWriteArrayList<>();
    private final List<WebhookDelivery> webhooks = new CopyOnWriteArrayList<>();
    private final AtomicInteger overLimit = new AtomicInteger();
    private final Map<String, Window> windows = new HashMap<>();
    private final Deque<Fault> nextFaults = new ArrayDeque<>();
    private final Map<String, Deque<Fault>> faultsByRecipient = new ConcurrentHashMap<>();

    private AircallSimulator(AircallSimulatorConfig config) throws IOException {
        this.config = config;
        this.random = new Random(config.seed());
        this.server = HttpServer.create(new InetSocketAddress(config.port()), 200);
        server.setExecutor(handlers);
        server.createContext("/v1/numbers/", this::handleSend);
        server.createContext("/ping", exchange -> reply(exchange, 200, json.createObjectNode().put("ping", "pong")));
    }

    /** Starts a simulator; {@link #close()} stops it. */
    public static AircallSimulator start(AircallSimulatorConfig config) {
        try {
            var simulator = new AircallSimulator(config);
            simulator.server.start();
            return simulator;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Aircall simulator on port " + config.port(), e);
        }
    }

    public AircallSimulatorConfig config() {
        return config;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** What to configure as the Aircall base URL ({@code AIRCALL_BASE_URL}). */
    public String baseUrl() {
        return "http://localhost:" + port();
    }

    // ---- what it saw -------------------------------------------------------------------------

    /** Every message accepted, in order of acceptance. */
    public List<AcceptedMessage> accepted() {
        return List.copyOf(accepted);
    }

    public List<AcceptedMessage> acceptedTo(String phone) {
        return accepted.stream().filter(message -> message.to().equals(phone)).toList();
    }

    /** Every send request answered, whatever the answer. */
    public List<SendAttempt> attempts() {
        return List.copyOf(attempts);
    }

    public List<SendAttempt> attemptsTo(String phone) {
        return attempts.stream().filter(attempt -> attempt.to().equals(phone)).toList();
    }

    /** Requests that arrived while their credentials were over the limit (answered 429). */
    public int overLimitRequests() {
        return overLimit.get();
    }

    /** Every webhook POST made so far. */
    public List<WebhookDelivery> webhooks() {
        return List.copyOf(webhooks);
    }

    /** Forgets what it saw and the pending faults (not the rate-limit windows). */
    public synchronized void reset() {
        accepted.clear();
        attempts.clear();
        webhooks.clear();
        overLimit.set(0);
        nextFaults.clear();
        faultsByRecipient.clear();
    }

    // ---- faults on demand --------------------------------------------------------------------

    /** The next {@code count} requests (any recipient) get {@code status} (500, 502, 503...) and are not accepted. */
    public synchronized void failNext(int count, int status) {
        for (int i = 0; i < count; i++) {
            nextFaults.add(new Fault.ServerError(status));
        }
    }

    /** The next {@code count} requests to this recipient get {@code status} and are not accepted. */
    public void failFirstAttemptsTo(String phone, int count, int status) {
        var queue = faultsByRecipient.computeIfAbsent(phone, ignored -> new ArrayDeque<>());
        synchronized (queue) {
            for (int i = 0; i < count; i++) {
                queue.add(new Fault.ServerError(status));
            }
        }
    }

    /**
     * The next {@code count} requests hang for {@code hang} before being answered: a client with a
     * shorter timeout sees a timeout. With {@code thenAccept} the message is accepted (and recorded)
     * anyway, as a provider that processed it before the client gave up; otherwise it gets 504.
     */
    public synchronized void hangNext(int count, Duration hang, boolean thenAccept) {
        for (int i = 0; i < count; i++) {
            nextFaults.add(new Fault.Hang(hang, thenAccept));
        }
    }

    /** A 429 burst: the next {@code count} requests are refused with 429 whatever their credentials' count. */
    public synchronized void throttleNext(int count) {
        for (int i = 0; i < count; i++) {
            nextFaults.add(new Fault.Throttle());
        }
    }

    /** A parent's reply to a number: fires {@code message.received} to the messages webhook. */
    public void receive(String fromPhone, String numberId, String body) {
        long id = nextMessageId.incrementAndGet();
        var data = messageJson(id, numberId, fromPhone, body, "received", "inbound");
        fireWebhook(config.messagesWebhookUrl(), config.messagesWebhookToken(), "message.received", id, "received", data, 0);
    }

    // ---- the API -----------------------------------------------------------------------------

    private void handleSend(HttpExchange exchange) throws IOException {
        try (exchange) {
            var matcher = SEND_PATH.matcher(exchange.getRequestURI().getPath());
            if (!matcher.matches()) {
                reply(exchange, 404, error("Not found", "no such resource"));
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                reply(exchange, 405, error("Method not allowed", "use POST"));
                return;
            }
            var numberId = matcher.group(1);
            var apiId = authenticatedApiId(exchange.getRequestHeaders().getFirst("Authorization"));
            JsonNode request = parse(exchange);
            var to = text(request, "to");
            var body = text(request, "body");
            if (apiId == null) {
                rateHeaders(exchange, peekWindow("<anonymous>"));
                record(numberId, to, "<anonymous>", 401);
                reply(exchange, 401, error("Unauthorized", "bad API credentials"));
                return;
            }
            var admission = admit(apiId, to);
            rateHeaders(exchange, admission.window());
            switch (admission.fault()) {
                case Fault.OverLimit ignored -> {
                    record(numberId, to, apiId, 429);
                    reply(exchange, 429, error("Too many requests", "rate limit reached, retry after X-AircallApi-Reset"));
                    return;
                }
                case Fault.Throttle ignored -> {
                    record(numberId, to, apiId, 429);
                    reply(exchange, 429, error("Too many requests", "throttled (burst)"));
                    return;
                }
                case Fault.ServerError(int status) -> {
                    record(numberId, to, apiId, status);
                    reply(exchange, status, error("Server error", "simulated failure"));
                    return;
                }
                case Fault.Hang(Duration hang, boolean thenAccept) -> {
                    sleep(hang);
                    if (!thenAccept) {
                        record(numberId, to, apiId, 504);
                        reply(exchange, 504, error("Gateway timeout", "simulated timeout"));
                        return;
                    }
                }
                case Fault.None ignored -> {
                }
            }
            var digits = config.numbers().get(numberId);
            if (digits == null) {
                record(numberId, to, apiId, 404);
                reply(exchange, 404, error("Not found", "number " + numberId + " does not exist"));
                return;
            }
            if (to == null || !E164.matcher(to).matches()) {
                record(numberId, to, apiId, 422);
                reply(exchange, 422, error("Unprocessable entity", "to must be an E.164 phone number"));
                return;
            }
            if (body == null || body.isBlank() || body.length() > MAX_BODY_LENGTH) {
                record(numberId, to, apiId, 422);
                reply(exchange, 422, error("Unprocessable entity", "body must have 1 to " + MAX_BODY_LENGTH + " characters"));
                return;
            }
            long id = nextMessageId.incrementAndGet();
            var message = new AcceptedMessage(id, numberId, to, body, apiId, Instant.now());
            accepted.add(message);
            record(numberId, to, apiId, 200);
            reply(exchange, 200, messageJson(id, numberId, to, body, "sent", "outbound"));
            scheduleStatusWebhooks(message);
        }
    }

    private @Nullable String authenticatedApiId(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        var id = decoded.substring(0, colon);
        var token = decoded.substring(colon + 1);
        return id.equals(config.apiId()) && token.equals(config.apiToken()) ? id : null;
    }

    /** Counts the request in its credentials' window and picks the fault it meets, if any. */
    private synchronized Admission admit(String apiId, @Nullable String to) {
        var window = currentWindow(apiId);
        if (window.count >= config.requestsPerWindow()) {
            overLimit.incrementAndGet();
            return new Admission(window.snapshot(), new Fault.OverLimit());
        }
        window.count++;
        Fault fault = nextFaults.poll();
        if (fault == null && to != null) {
            var queue = faultsByRecipient.get(to);
            if (queue != null) {
                synchronized (queue) {
                    fault = queue.poll();
                }
            }
        }
        if (fault instanceof Fault.Throttle) {
            return new Admission(new WindowView(window.limit(), 0, window.end), fault);
        }
        return new Admission(window.snapshot(), fault == null ? new Fault.None() : fault);
    }

    private synchronized WindowView peekWindow(String apiId) {
        return currentWindow(apiId).snapshot();
    }

    private Window currentWindow(String apiId) {
        long windowMillis = config.window().toMillis();
        long now = System.currentTimeMillis();
        long start = now - Math.floorMod(now, windowMillis);
        var window = windows.get(apiId);
        if (window == null || window.start != start) {
            window = new Window(start, start + windowMillis, config.requestsPerWindow());
            windows.put(apiId, window);
        }
        return window;
    }

    private void rateHeaders(HttpExchange exchange, WindowView window) {
        var headers = exchange.getResponseHeaders();
        headers.set("X-AircallApi-Limit", Integer.toString(window.limit()));
        headers.set("X-AircallApi-Remaining", Integer.toString(window.remaining()));
        // Epoch seconds, rounded up: a client that waits until then is in the next window.
        headers.set("X-AircallApi-Reset", Long.toString((window.endMillis() + 999) / 1000));
    }

    private void record(String numberId, @Nullable String to, String apiId, int status) {
        attempts.add(new SendAttempt(numberId, to == null ? "" : to, apiId, Instant.now(), status));
    }

    // ---- webhooks ----------------------------------------------------------------------------

    private void scheduleStatusWebhooks(AcceptedMessage message) {
        if (config.messageSentWebhooks() && config.messagesWebhookUrl() != null) {
            var data = messageJson(message.id(), message.numberId(), message.to(), message.body(), "sent", "outbound");
            handlers.submit(() -> fireWebhook(config.messagesWebhookUrl(), config.messagesWebhookToken(), "message.sent",
                    message.id(), "sent", data, 0));
        }
        if (config.statusWebhookUrl() == null) {
            return;
        }
        boolean reorder;
        synchronized (random) {
            reorder = random.nextDouble() < config.reorderWebhookRate();
        }
        var finalStatus = config.undeliverablePhones().contains(message.to()) ? "failed" : "delivered";
        long delay = config.deliveryDelay().toMillis();
        scheduleStatus(message, "sent", reorder ? delay : 0);
        scheduleStatus(message, finalStatus, reorder ? 0 : delay);
    }

    private void scheduleStatus(AcceptedMessage message, String status, long delayMillis) {
        var data = messageJson(message.id(), message.numberId(), message.to(), message.body(), status, "outbound");
        webhookTimer.schedule(() -> handlers.submit(() -> fireWebhook(config.statusWebhookUrl(),
                config.statusWebhookToken(), "message.status_updated", message.id(), status, data, 0)),
                delayMillis, TimeUnit.MILLISECONDS);
    }

    private void fireWebhook(@Nullable String url, String token, String event, long messageId, String status,
                             ObjectNode data, int retry) {
        if (url == null) {
            return;
        }
        var payload = json.createObjectNode()
                .put("resource", "message")
                .put("event", event)
                .put("timestamp", Instant.now().getEpochSecond())
                .put("token", token);
        payload.set("data", data);
        var text = payload.toString();
        int responseStatus = post(url, text);
        webhooks.add(new WebhookDelivery(url, event, messageId, status, text, Instant.now(), responseStatus));
        boolean delivered = responseStatus >= 200 && responseStatus < 300;
        if (!delivered && retry < 11) {
            // Aircall retries failed deliveries, for minutes rather than seconds: 0.5, 1, 2… s, at most 30 s apart.
            webhookTimer.schedule(() -> handlers.submit(() -> fireWebhook(url, token, event, messageId, status, data, retry + 1)),
                    Math.min(30_000L, 500L << retry), TimeUnit.MILLISECONDS);
            return;
        }
        boolean duplicate;
        synchronized (random) {
            duplicate = retry == 0 && random.nextDouble() < config.duplicateWebhookRate();
        }
        if (delivered && duplicate) {
            int again = post(url, text);
            webhooks.add(new WebhookDelivery(url, event, messageId, status, text, Instant.now(), again));
        }
    }

    private int post(String url, String text) {
        try {
            var request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(text))
                    .build();
            return webhookClient.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    // ---- JSON --------------------------------------------------------------------------------

    private ObjectNode messageJson(long id, String numberId, String externalNumber, String body, String status, String direction) {
        var message = json.createObjectNode()
                .put("id", id)
                .put("direct_link", "https://api.aircall.io/v1/messages/" + id)
                .put("status", status)
                .put("direction", direction)
                .put("raw_digits", externalNumber)
                .put("external_number", externalNumber)
                .put("body", body)
                .put("created_at", Instant.now().getEpochSecond());
        message.putObject("number")
                .put("id", parseIdOrText(numberId))
                .put("digits", config.numbers().getOrDefault(numberId, ""));
        return message;
    }

    private static long parseIdOrText(String numberId) {
        try {
            return Long.parseLong(numberId);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private ObjectNode error(String error, String troubleshoot) {
        return json.createObjectNode().put("error", error).put("troubleshoot", troubleshoot);
    }

    private JsonNode parse(HttpExchange exchange) {
        try {
            var bytes = exchange.getRequestBody().readAllBytes();
            return bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes);
        } catch (IOException badJson) {
            return json.createObjectNode();
        }
    }

    private static @Nullable String text(JsonNode node, String field) {
        var value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        var bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        webhookTimer.shutdownNow();
        handlers.shutdownNow();
        webhookClient.close();
    }

    /** Runs a simulator on its own (port 8092 unless {@code AIRCALL_SIMULATOR_PORT} says otherwise). */
    public static void main(String[] args) throws InterruptedException {
        var env = System.getenv();
        var builder = AircallSimulatorConfig.builder()
                .port(Integer.parseInt(env.getOrDefault("AIRCALL_SIMULATOR_PORT", "8092")))
                .credentials(env.getOrDefault("AIRCALL_API_ID", "sim-id"), env.getOrDefault("AIRCALL_API_TOKEN", "sim-token"))
                .rateLimit(Integer.parseInt(env.getOrDefault("AIRCALL_SIMULATOR_RATE_LIMIT", "60")),
                        Duration.ofSeconds(Long.parseLong(env.getOrDefault("AIRCALL_SIMULATOR_WINDOW_SECONDS", "60"))))
                .statusWebhookUrl(env.getOrDefault("AIRCALL_SIMULATOR_STATUS_WEBHOOK_URL",
                        "http://localhost:8084/aircall/events_messages_status_updated"))
                .messagesWebhookUrl(env.getOrDefault("AIRCALL_SIMULATOR_MESSAGES_WEBHOOK_URL",
                        "http://localhost:8084/aircall/messages"))
                .webhookTokens(env.getOrDefault("AIRCALL_WEBHOOK_EVENT_MESSAGE_STATUS_UPDATED_TOKEN", "sim-status-token"),
                        env.getOrDefault("AIRCALL_WEBHOOK_MESSAGE_TOKEN", "sim-messages-token"));
        var simulator = start(builder.build());
        System.out.println("Aircall simulator listening on " + simulator.baseUrl() + " (credentials "
                + simulator.config().apiId() + " / ****)");
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(simulator::close));
        Thread.currentThread().join();
    }

    // ---- internals ---------------------------------------------------------------------------

    private sealed interface Fault {
        record None() implements Fault {
        }

        record OverLimit() implements Fault {
        }

        record Throttle() implements Fault {
        }

        record ServerError(int status) implements Fault {
        }

        record Hang(Duration duration, boolean thenAccept) implements Fault {
        }
    }

    private record Admission(WindowView window, Fault fault) {
    }

    private record WindowView(int limit, int remaining, long endMillis) {
    }

    /** A fixed window of one credentials' rate limit, aligned to the epoch. */
    private static final class Window {
        final long start;
        final long end;
        final int limit;
        int count;

        Window(long start, long end, int limit) {
            this.start = start;
            this.end = end;
            this.limit = limit;
        }

        int limit() {
            return limit;
        }

        WindowView snapshot() {
            return new WindowView(limit, Math.max(0, limit - count), end);
        }
    }

    /** Every accepted message, grouped by recipient: exactly-once checks look for lists longer than one. */
    public Map<String, List<AcceptedMessage>> acceptedByRecipient() {
        var byRecipient = new HashMap<String, List<AcceptedMessage>>();
        for (var message : accepted) {
            byRecipient.computeIfAbsent(message.to(), ignored -> new ArrayList<>()).add(message);
        }
        return byRecipient;
    }
}
