package io.missive.simulators.aircall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.missive.simulators.Health;
import io.missive.simulators.aircall.AircallFaults.Fault;
import io.missive.simulators.callback.CallbackDelivery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * {@code message.received}, and {@link #inboundCall} a {@code call.created} to the insight-cards webhook.
 * {@code POST /v1/calls/{call_id}/insight_cards} records the cards ({@link #insightCards()}), within
 * the same rate limit. Faults on demand through {@link #faults()}. {@code GET /actuator/health} answers {@code {"status":"UP"}}.
 *
 * <pre>{@code
 * try (var aircall = AircallSimulator.start(AircallSimulatorConfig.forTests().withRateLimit(60, Duration.ofSeconds(2)))) {
 *     // point the dispatcher at aircall.baseUrl() with credentials sim-id / sim-token ...
 *     assertThat(aircall.overLimitRequests()).isZero();
 * }
 * }</pre>
 */
public final class AircallSimulator implements AutoCloseable {

    /** Aircall's limit for one SMS body. */
    public static final int MAX_BODY_LENGTH = 1600;

    /** Attempts to deliver one webhook, the first included. */
    static final int WEBHOOK_ATTEMPTS = 12;

    private static final Pattern SEND_PATH = Pattern.compile("^/v1/numbers/([^/]+)/messages(?:/native)?/send/?$");
    private static final Pattern INSIGHT_CARDS_PATH = Pattern.compile("^/v1/calls/(\\d{1,18})/insight_cards/?$");
    private static final java.util.Set<String> CARD_BLOCKS = java.util.Set.of("title", "shortText", "link");
    private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{7,14}$");

    private final AircallSimulatorConfig config;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    /** Aircall retries failed deliveries, for minutes rather than seconds: 0.5, 1, 2… s, at most 30 s apart. */
    private final CallbackDelivery webhookDelivery = new CallbackDelivery("aircall-simulator-webhooks", WEBHOOK_ATTEMPTS,
            failed -> Duration.ofMillis(Math.min(30_000L, 500L << (failed - 1))), Integer.MAX_VALUE);
    private final ObjectMapper json = new ObjectMapper();
    private final Random random;

    private final AtomicLong nextMessageId = new AtomicLong(100_000);
    private final AtomicLong nextCallId = new AtomicLong(700_000);
    private final List<InsightCard> insightCards = new CopyOnWriteArrayList<>();
    private final List<AcceptedMessage> accepted = new CopyOnWriteArrayList<>();
    private final List<SendAttempt> attempts = new CopyOnWriteArrayList<>();
    private final List<WebhookDelivery> webhooks = new CopyOnWriteArrayList<>();
    private final AtomicInteger overLimit = new AtomicInteger();
    private final Map<String, Window> windows = new HashMap<>();
    private final AircallFaults faults = new AircallFaults();

    private AircallSimulator(AircallSimulatorConfig config) throws IOException {
        this.config = config;
        this.random = new Random(config.seed());
        this.server = HttpServer.create(new InetSocketAddress(config.port()), 200);
        server.setExecutor(handlers);
        server.createContext("/v1/numbers/", this::handleSend);
        server.createContext("/v1/calls/", this::handleInsightCard);
        server.createContext("/ping", exchange -> {
            try (exchange) {
                reply(exchange, 200, json.createObjectNode().put("ping", "pong"));
            }
        });
        Health.serve(server);
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

    /** Every insight card accepted, in order of acceptance. */
    public List<InsightCard> insightCards() {
        return List.copyOf(insightCards);
    }

    public List<InsightCard> insightCardsOf(String callId) {
        return insightCards.stream().filter(card -> card.callId().equals(callId)).toList();
    }

    /** Forgets what it saw and the pending faults (not the rate-limit windows). */
    public synchronized void reset() {
        insightCards.clear();
        accepted.clear();
        attempts.clear();
        webhooks.clear();
        overLimit.set(0);
        faults.clear();
    }

    // ---- faults on demand --------------------------------------------------------------------

    /** Faults on demand, for the requests that arrive from now on. */
    public AircallFaults faults() {
        return faults;
    }

    /** A parent's reply to a number: fires {@code message.received} to the messages webhook. */
    public void receive(String fromPhone, String numberId, String body) {
        long id = nextMessageId.incrementAndGet();
        var data = messageJson(id, numberId, fromPhone, body, "received", "inbound");
        var url = config.messagesWebhookUrl();
        if (url != null) {
            webhookDelivery.deliverNow(new Webhook(url, config.messagesWebhookToken(), "message.received", id, "received", data));
        }
    }

    /**
     * A parent calls a supporter's number: fires {@code call.created} for an inbound call from
     * {@code fromPhone} to the insight-cards webhook ({@link AircallSimulatorConfig#insightCardsWebhookUrl()}),
     * as Aircall does when the phone starts ringing. Returns the call's id, under which the card is expected.
     */
    public String inboundCall(String fromPhone, String numberId) {
        long id = nextCallId.incrementAndGet();
        var url = config.insightCardsWebhookUrl();
        if (url != null) {
            var data = json.createObjectNode()
                    .put("id", id)
                    .put("direct_link", "https://api.aircall.io/v1/calls/" + id)
                    .put("direction", "inbound")
                    .put("status", "initial")
                    .put("raw_digits", fromPhone)
                    .put("started_at", Instant.now().getEpochSecond());
            data.putObject("number")
                    .put("id", parseIdOrText(numberId))
                    .put("digits", config.numbers().getOrDefault(numberId, ""));
            data.putNull("user");
            webhookDelivery.deliverNow(new Webhook(url, config.insightCardsWebhookToken(), "call", "call.created", id, "initial", data));
        }
        return Long.toString(id);
    }

    // ---- the API -----------------------------------------------------------------------------

    /**
     * {@code POST /v1/calls/{call_id}/insight_cards} with {@code {"contents": [...]}}: counted in the
     * credentials' rate limit like any request; 422 when a block is not a {@code title},
     * {@code shortText} or {@code link} with what it needs; otherwise 201 and the card is recorded.
     * Any numeric call id is taken as a call in progress (tests may announce calls on Kafka directly).
     */
    private void handleInsightCard(HttpExchange exchange) throws IOException {
        try (exchange) {
            var matcher = INSIGHT_CARDS_PATH.matcher(exchange.getRequestURI().getPath());
            if (!matcher.matches()) {
                reply(exchange, 404, error("Not found", "no such resource"));
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                reply(exchange, 405, error("Method not allowed", "use POST"));
                return;
            }
            var callId = matcher.group(1);
            var apiId = authenticatedApiId(exchange.getRequestHeaders().getFirst("Authorization"));
            var raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (apiId == null) {
                rateHeaders(exchange, peekWindow("<anonymous>"));
                reply(exchange, 401, error("Unauthorized", "bad API credentials"));
                return;
            }
            var admission = admit(apiId, null);
            rateHeaders(exchange, admission.window());
            switch (admission.fault()) {
                case Fault.OverLimit ignored -> {
                    reply(exchange, 429, error("Too many requests", "rate limit reached, retry after X-AircallApi-Reset"));
                    return;
                }
                case Fault.Throttle ignored -> {
                    reply(exchange, 429, error("Too many requests", "throttled (burst)"));
                    return;
                }
                case Fault.ServerError(int status) -> {
                    reply(exchange, status, error("Server error", "simulated failure"));
                    return;
                }
                case Fault.Hang(Duration hang, boolean thenAccept) -> {
                    sleep(hang);
                    if (!thenAccept) {
                        reply(exchange, 504, error("Gateway timeout", "simulated timeout"));
                        return;
                    }
                }
                case Fault.None ignored -> {
                }
            }
            var blocks = cardBlocks(raw);
            if (blocks == null) {
                reply(exchange, 422, error("Unprocessable entity",
                        "contents must be a non-empty array of title {text}, shortText {text} or link {link} blocks"));
                return;
            }
            insightCards.add(new InsightCard(callId, blocks, apiId, Instant.now(), raw));
            reply(exchange, 201, json.createObjectNode());
        }
    }

    private @Nullable List<InsightCard.Block> cardBlocks(String raw) {
        JsonNode request;
        try {
            request = json.readTree(raw);
        } catch (IOException badJson) {
            return null;
        }
        var contents = request == null ? null : request.get("contents");
        if (contents == null || !contents.isArray() || contents.isEmpty()) {
            return null;
        }
        var blocks = new ArrayList<InsightCard.Block>();
        for (var block : contents) {
            var type = text(block, "type");
            var label = text(block, "label");
            var text = text(block, "text");
            var link = text(block, "link");
            if (type == null || !CARD_BLOCKS.contains(type)) {
                return null;
            }
            boolean complete = switch (type) {
                case "link" -> link != null && !link.isBlank();
                default -> text != null && !text.isBlank();
            };
            if (!complete) {
                return null;
            }
            blocks.add(new InsightCard.Block(type, label, text, link));
        }
        return blocks;
    }

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
        Fault fault = faults.take(to);
        if (fault instanceof Fault.Throttle) {
            return new Admission(new WindowView(window.limit(), 0, window.end), fault);
        }
        return new Admission(window.snapshot(), fault);
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
        var messagesUrl = config.messagesWebhookUrl();
        if (config.messageSentWebhooks() && messagesUrl != null) {
            var data = messageJson(message.id(), message.numberId(), message.to(), message.body(), "sent", "outbound");
            webhookDelivery.deliverLater(new Webhook(messagesUrl, config.messagesWebhookToken(), "message.sent",
                    message.id(), "sent", data), Duration.ZERO);
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
        var url = config.statusWebhookUrl();
        if (url == null) {
            return;
        }
        var data = messageJson(message.id(), message.numberId(), message.to(), message.body(), status, "outbound");
        webhookDelivery.deliverLater(new Webhook(url, config.statusWebhookToken(), "message.status_updated",
                message.id(), status, data), Duration.ofMillis(delayMillis));
    }

    /** One webhook: its payload is stamped afresh for each attempt, and every attempt is recorded. */
    private final class Webhook implements CallbackDelivery.Callback {
        private final String url;
        private final String token;
        private final String resource;
        private final String event;
        private final long messageId;
        private final String status;
        private final ObjectNode data;
        private String text = "";

        Webhook(String url, String token, String event, long messageId, String status, ObjectNode data) {
            this(url, token, "message", event, messageId, status, data);
        }

        Webhook(String url, String token, String resource, String event, long messageId, String status, ObjectNode data) {
            this.url = url;
            this.token = token;
            this.resource = resource;
            this.event = event;
            this.messageId = messageId;
            this.status = status;
            this.data = data;
        }

        @Override
        public HttpRequest request() {
            var payload = json.createObjectNode()
                    .put("resource", resource)
                    .put("event", event)
                    .put("timestamp", Instant.now().getEpochSecond())
                    .put("token", token);
            payload.set("data", data);
            text = payload.toString();
            return HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(text))
                    .build();
        }

        @Override
        public void answered(HttpRequest request, int responseStatus) {
            webhooks.add(new WebhookDelivery(url, event, messageId, status, text, Instant.now(), responseStatus));
        }

        @Override
        public void finished(boolean delivered, int attempts) {
            // Aircall delivers at least once: some webhooks delivered at the first attempt come twice.
            boolean duplicate;
            synchronized (random) {
                duplicate = delivered && attempts == 1 && random.nextDouble() < config.duplicateWebhookRate();
            }
            if (duplicate) {
                var again = webhookDelivery.sendOnce(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(5))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(text))
                        .build());
                webhooks.add(new WebhookDelivery(url, event, messageId, status, text, Instant.now(), Math.max(0, again)));
            }
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
        webhookDelivery.close();
        handlers.shutdownNow();
    }

    // ---- internals ---------------------------------------------------------------------------

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
