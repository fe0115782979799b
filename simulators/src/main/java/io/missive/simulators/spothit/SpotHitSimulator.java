package io.missive.simulators.spothit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.missive.simulators.Health;
import io.missive.simulators.callback.CallbackDelivery;
import io.missive.simulators.spothit.SpotHitSimulatorConfig.ReceiptPlan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A SpotHit stand-in over real HTTP, for tests, the benchmark and the local stack.
 *
 * <p>It serves {@code POST /api/envoyer/sms}, {@code POST /api/envoyer/mms} and {@code POST /api/envoyer/rcs}
 * ({@link RcsPlan}: RCS-capable phones, fallback SMS, read receipts) with SpotHit's form
 * fields ({@code key}, {@code message}, {@code destinataires} as a comma-separated list, or
 * {@code destinataires_type=datas} with {@code destinataires[+33…][VAR]=value}, {@code smslong},
 * {@code date}, {@code expediteur}; MMS adds {@code fichier}, a media id from {@code POST /api/mms/upload}, which it
 * refuses when unknown), answers {@code {"resultat":1,"id":…}}
 * or {@code {"resultat":0,"erreurs":"…"}} with SpotHit's codes ({@link SpotHitErrors}), then fires
 * delivery receipts {@code GET <callback>?id_message=…&numero=…&statut=…} as SpotHit does: later,
 * at least once, sometimes out of order ({@link ReceiptPlan}).
 *
 * <p>It records every call ({@link #calls()}, {@link #maxCallsInAnySecond()}) and every recipient it
 * accepted ({@link #acceptedCount(String)}, {@link #duplicatedPhones()}), so that a test can prove
 * nobody got a message twice. {@code GET /simulator/stats} shows the same figures as JSON.
 *
 * <pre>{@code
 * try (var spotHit = SpotHitSimulator.start(SpotHitSimulatorConfig.forTests("test-key"))) {
 *     spotHit.faults().serverErrors(2, 503);
 *     // point the dispatcher at spotHit.baseUrl() ...
 * }
 * }</pre>
 */
public final class SpotHitSimulator implements AutoCloseable {

    public static final String SMS_PATH = "/api/envoyer/sms";
    public static final String MMS_PATH = "/api/envoyer/mms";
    public static final String RCS_PATH = "/api/envoyer/rcs";
    /** SpotHit's media upload: multipart {@code key} and {@code fichier}, answers {@code {"success":true,"file":"<id>"}}. */
    public static final String UPLOAD_PATH = "/api/mms/upload";
    /** A small PNG the simulator serves, so the local stack and tests have an attachment to send (decision 0207). */
    public static final String SAMPLE_IMAGE_PATH = "/simulator/sample.png";
    /** The error an MMS whose {@code fichier} is not an uploaded media id gets (SpotHit's own code is not published). */
    public static final String UNKNOWN_FILE = "fichier";
    static final byte[] SAMPLE_PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    /** RCS basic holds at most this many bytes of UTF-8. */
    static final int RCS_BASIC_MAX_BYTES = 160;
    /** Attempts to deliver one receipt before counting it undelivered. */
    static final int RECEIPT_ATTEMPTS = 12;
    /** Receipts sent at once, at most. */
    static final int CALLBACK_CONCURRENCY = 64;

    private static final Pattern CUSTOM_DATA_KEY = Pattern.compile("^custom_list_with_data\\[([^\\]]+)\\](?:\\[([^\\]]*)\\])?$");
    private static final Pattern DATAS_KEY = Pattern.compile("^destinataires\\[([^\\]]+)\\](?:\\[([^\\]]*)\\])?$");
    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z0-9_]+)\\}");
    private static final Pattern PHONE = Pattern.compile("^(\\+[1-9]\\d{7,14}|0\\d{9})$");
    private static final int SMS_MAX_CHARS = 160;
    private static final int SENDER_MAX_CHARS = 11;

    private final SpotHitSimulatorConfig config;
    private volatile HttpServer server;
    private final int port;
    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();
    /**
     * Like a provider's pool of callback workers: a bounded number of receipts in flight at once.
     * Providers retry callbacks for minutes, not seconds: 1, 2, 4… s, at most 30 s apart (about 4 minutes in all).
     */
    private final CallbackDelivery receiptDelivery = new CallbackDelivery("spothit-sim-receipts", RECEIPT_ATTEMPTS,
            failed -> Duration.ofSeconds(Math.min(30, 1L << Math.min(5, failed - 1))), CALLBACK_CONCURRENCY);
    private final SpotHitFaults faults = new SpotHitFaults();
    private final AtomicReference<ReceiptPlan> receipts;
    private final AtomicReference<RcsPlan> rcs;
    private final AtomicInteger rcsDelivered = new AtomicInteger();
    private final AtomicInteger rcsFallbacks = new AtomicInteger();
    private final AtomicInteger rcsReads = new AtomicInteger();
    private final CountDownLatch closing = new CountDownLatch(1);

    private final AtomicLong campaignIds = new AtomicLong(4_200_000);
    private final AtomicLong mediaIds = new AtomicLong(9_100_000);
    private final ConcurrentHashMap<String, MediaUpload> uploads = new ConcurrentHashMap<>();
    /** The media ids SpotHit knows: kept by {@link #reset()}, as SpotHit keeps them while the dispatcher remembers them. */
    private final java.util.Set<String> knownMedia = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sampleFetches = new AtomicInteger();
    private final ConcurrentLinkedQueue<SpotHitCall> calls = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<Long> recentArrivals = new ArrayDeque<>();
    private final ConcurrentHashMap<String, AtomicInteger> acceptedByPhone = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicInteger> namedByPhone = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<AcceptedMessage> acceptedMessages = new ConcurrentLinkedQueue<>();
    private final AtomicInteger acceptedTotal = new AtomicInteger();
    private final AtomicInteger receiptsDelivered = new AtomicInteger();
    private final AtomicInteger receiptsUndelivered = new AtomicInteger();
    /** Recipients of held calls ({@code campaign|phone}), and those a receipt reached the client for. */
    private final Set<String> heldRecipients = ConcurrentHashMap.newKeySet();
    private final Set<String> receiptedRecipients = ConcurrentHashMap.newKeySet();
    /** Final receipt statuses drawn (1 delivered, 4 failed, 5 expired), once per accepted recipient. */
    private final Map<Integer, AtomicInteger> finalStatuses = new ConcurrentHashMap<>();

    private SpotHitSimulator(SpotHitSimulatorConfig config) throws IOException {
        this.config = config;
        this.receipts = new AtomicReference<>(config.receipts());
        this.rcs = new AtomicReference<>(RcsPlan.besideReceipts(config.receipts()));
        this.server = listen(config.port());
        this.port = server.getAddress().getPort();
    }

    private HttpServer listen(int onPort) throws IOException {
        var listening = HttpServer.create(new InetSocketAddress(onPort), 512);
        listening.setExecutor(handlers);
        listening.createContext(SMS_PATH, exchange -> handleSend(exchange, "sms"));
        listening.createContext(MMS_PATH, exchange -> handleSend(exchange, "mms"));
        listening.createContext(RCS_PATH, this::handleRcs);
        listening.createContext(UPLOAD_PATH, this::handleUpload);
        listening.createContext(SAMPLE_IMAGE_PATH, this::handleSample);
        listening.createContext("/simulator/stats", this::handleStats);
        Health.serve(listening);
        listening.start();
        return listening;
    }

    /**
     * An outage at the network level: the simulator stops listening, so every new connection is refused,
     * until {@link #acceptConnections()}. Its records, faults and pending receipts are kept. The calls it is
     * answering at that moment get their answer first (up to a second): an outage refuses connections, it does
     * not cut a call SpotHit is answering, which would be another fault (an unknown outcome, see decision 0504).
     */
    public synchronized void refuseConnections() {
        server.stop(1);
    }

    /** Listens again on the same port after {@link #refuseConnections()}. */
    public synchronized void acceptConnections() {
        try {
            server = listen(port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen again on port " + port, e);
        }
    }

    /** Starts a simulator; close it to stop it (held answers are released). */
    public static SpotHitSimulator start(SpotHitSimulatorConfig config) {
        try {
            return new SpotHitSimulator(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the SpotHit simulator on port " + config.port(), e);
        }
    }

    public String baseUrl() {
        return "http://localhost:" + port();
    }

    public int port() {
        return port;
    }

    public SpotHitFaults faults() {
        return faults;
    }

    /** Changes which receipts are fired for calls accepted from now on. */
    public SpotHitSimulator receipts(ReceiptPlan plan) {
        receipts.set(plan);
        var beside = RcsPlan.besideReceipts(plan).callbackUrl();
        rcs.updateAndGet(current -> current.callbackUrl() == null ? current.withCallback(beside) : current);
        return this;
    }

    /** Changes how RCS calls accepted from now on are answered and reported. */
    public SpotHitSimulator rcs(RcsPlan plan) {
        rcs.set(plan);
        return this;
    }

    public RcsPlan rcsPlan() {
        return rcs.get();
    }

    // ---- what tests look at -------------------------------------------------------------------

    public List<SpotHitCall> calls() {
        return List.copyOf(calls);
    }

    public List<SpotHitCall> acceptedCalls() {
        return calls.stream().filter(SpotHitCall::accepted).toList();
    }

    /** How many times a phone was accepted as a recipient, over all calls. */
    public int acceptedCount(String phone) {
        var count = acceptedByPhone.get(phone);
        return count == null ? 0 : count.get();
    }

    /** How many calls named a phone as a recipient, whatever their outcome: the attempts made for it. */
    public int callsNaming(String phone) {
        var count = namedByPhone.get(phone);
        return count == null ? 0 : count.get();
    }

    /** Every accepted phone with its count. */
    public Map<String, Integer> acceptedPhones() {
        return acceptedByPhone.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().get()));
    }

    /** Phones accepted more than once: a duplicate send. */
    public Map<String, Integer> duplicatedPhones() {
        return acceptedPhones().entrySet().stream().filter(entry -> entry.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Every file uploaded since the last {@link #reset()}, in no particular order. */
    public List<MediaUpload> uploads() {
        return List.copyOf(uploads.values());
    }

    /** The URL of the sample image this simulator serves. */
    public String sampleImageUrl() {
        return baseUrl() + SAMPLE_IMAGE_PATH;
    }

    /** The sample image with a few bytes of its own after the image's end: another file, for a test of its own. */
    public String sampleImageUrl(String variant) {
        return sampleImageUrl() + "?v=" + URLEncoder.encode(variant, StandardCharsets.UTF_8);
    }

    /** How many times the sample image's bytes were served (HEAD requests not counted). */
    public int sampleFetches() {
        return sampleFetches.get();
    }

    /** Whether SpotHit knows this media id: uploaded here, or given to the RCS plan. */
    public boolean knowsMedia(@Nullable String mediaId) {
        return mediaId != null && (knownMedia.contains(mediaId) || rcs.get().mediaIds().contains(mediaId));
    }

    public int totalAccepted() {
        return acceptedTotal.get();
    }

    /** The accepted messages with their rendered text (empty when texts are not kept). */
    public List<AcceptedMessage> acceptedMessages() {
        return List.copyOf(acceptedMessages);
    }

    /** Calls that arrived, per epoch second (a calendar second of the simulator's clock). */
    public Map<Long, Integer> callsPerSecond() {
        var perSecond = new TreeMap<Long, Integer>();
        for (var call : calls) {
            perSecond.merge(call.arrivedAt().getEpochSecond(), 1, Integer::sum);
        }
        return perSecond;
    }

    /**
     * The most calls that arrived within any sliding window of one second. Arrival times include
     * network and scheduling jitter, so evenly spaced calls can bunch up here on a loaded machine.
     */
    public int maxCallsInAnySecond() {
        var times = calls.stream().map(SpotHitCall::arrivedAt).sorted().toList();
        int max = 0;
        int start = 0;
        for (int end = 0; end < times.size(); end++) {
            while (Duration.between(times.get(start), times.get(end)).compareTo(Duration.ofSeconds(1)) >= 0) {
                start++;
            }
            max = Math.max(max, end - start + 1);
        }
        return max;
    }

    public int receiptsDelivered() {
        return receiptsDelivered.get();
    }

    /** How many recipients were given each final status (1, 4, 5) in their receipts, duplicates counted once. */
    public Map<Integer, Integer> finalReceiptStatuses() {
        var counts = new TreeMap<Integer, Integer>();
        finalStatuses.forEach((code, count) -> counts.put(code, count.get()));
        return counts;
    }

    /** Recipients of calls accepted and then held (the client saw no answer): unknown outcomes by design. */
    public int heldRecipients() {
        return calls().stream().filter(call -> call.httpStatus() == 0).mapToInt(SpotHitCall::recipients).sum();
    }

    /**
     * Recipients of held calls no receipt reached the client for: the unknown outcomes that nothing can
     * reconcile (decision 0504).
     */
    public int heldRecipientsWithoutReceipt() {
        return (int) heldRecipients.stream().filter(recipient -> !receiptedRecipients.contains(recipient)).count();
    }

    /** Phones a receipt (of any status) reached the client for. */
    public Set<String> receiptedPhones() {
        return receiptedRecipients.stream().map(recipient -> recipient.substring(recipient.indexOf('|') + 1))
                .collect(Collectors.toUnmodifiableSet());
    }

    public int receiptsUndelivered() {
        return receiptsUndelivered.get();
    }

    /** Forgets every recorded call and recipient, and clears the faults. */
    public void reset() {
        calls.clear();
        acceptedByPhone.clear();
        namedByPhone.clear();
        acceptedMessages.clear();
        acceptedTotal.set(0);
        uploads.clear();
        sampleFetches.set(0);
        heldRecipients.clear();
        receiptedRecipients.clear();
        faults.clear();
        synchronized (recentArrivals) {
            recentArrivals.clear();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        receiptDelivery.close();
        handlers.shutdownNow();
    }

    // ---- the API ------------------------------------------------------------------------------

    private void handleSend(HttpExchange exchange, String endpoint) throws IOException {
        try (exchange) {
            var arrivedAt = Instant.now();
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, "{\"resultat\":0,\"erreurs\":\"method\"}");
                return;
            }
            sleep(faults.latency());
            var form = parseForm(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            var request = SendRequest.from(form);
            request.recipients().keySet().forEach(phone ->
                    namedByPhone.computeIfAbsent(phone, p -> new AtomicInteger()).incrementAndGet());
            int serverError = faults.takeSmsServerError();
            if (serverError > 0) {
                calls.add(new SpotHitCall(arrivedAt, endpoint, request.recipients().size(), serverError, null, null));
                respond(exchange, serverError, "<html><body>Service Unavailable</body></html>");
                return;
            }
            var errors = refusal(form, request);
            if (errors.isEmpty() && endpoint.equals("mms") && !knowsMedia(request.attachment())) {
                // SpotHit sends an uploaded file, never a URL: fichier must be a media id it gave.
                errors = UNKNOWN_FILE;
            }
            if (!errors.isEmpty()) {
                calls.add(new SpotHitCall(arrivedAt, endpoint, request.recipients().size(), 200, null, errors));
                respond(exchange, 200, "{\"resultat\":0,\"erreurs\":\"" + errors + "\"}");
                return;
            }
            var campaignId = String.valueOf(campaignIds.incrementAndGet());
            accept(campaignId, endpoint, request);
            var hold = faults.takeHold();
            if (!hold.isZero()) {
                request.recipients().keySet().forEach(phone -> heldRecipients.add(campaignId + '|' + phone));
            }
            calls.add(new SpotHitCall(arrivedAt, endpoint, request.recipients().size(), hold.isZero() ? 200 : 0, campaignId, null));
            if (!hold.isZero() && awaitClosing(hold)) {
                return;
            }
            respond(exchange, 200, "{\"resultat\":1,\"id\":" + campaignId + "}");
        } catch (RuntimeException e) {
            respond(exchange, 500, "{\"resultat\":0,\"erreurs\":\"" + SpotHitErrors.SYSTEM_ERROR + "\"}");
        }
    }

    /**
     * {@code POST /api/envoyer/rcs}: {@code rcs_type} basic (text ≤ 160 bytes of UTF-8) or single (a
     * known {@code media_id}), {@code agent_id}, {@code fallback_message}, recipients in
     * {@code custom_list[]} or {@code custom_list_with_data[+33…][VAR]}. Capable phones get the RCS
     * and SENT, DELIVERED and (some) READ events; the others get the fallback SMS and events with
     * {@code channelId: fallback}.
     */
    private void handleRcs(HttpExchange exchange) throws IOException {
        try (exchange) {
            var arrivedAt = Instant.now();
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, rcsError("method", "POST only"));
                return;
            }
            sleep(faults.latency());
            var form = parseForm(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            var type = first(form, "rcs_type");
            var fallback = first(form, "fallback_message");
            var recipients = rcsRecipients(form);
            recipients.keySet().forEach(phone -> namedByPhone.computeIfAbsent(phone, p -> new AtomicInteger()).incrementAndGet());
            int serverError = faults.takeServerError();
            if (serverError > 0) {
                calls.add(new SpotHitCall(arrivedAt, "rcs", recipients.size(), serverError, null, null));
                respond(exchange, serverError, "<html><body>Service Unavailable</body></html>");
                return;
            }
            var plan = rcs.get();
            var key = first(form, "key");
            String code = null;
            String message = null;
            if (key == null || key.isBlank() || (config.apiKey() != null && !config.apiKey().equals(key))) {
                code = String.valueOf(SpotHitErrors.BAD_API_KEY);
                message = "Clé API non reconnue";
            } else if (faults.takeRateLimitRefusal() || overRateLimit()) {
                code = String.valueOf(SpotHitErrors.API_RATE_LIMIT);
                message = "Vous avez dépassé votre limite de requêtes api";
            } else if (!plan.accountEnabled()) {
                code = "rcs_disabled";
                message = "RCS n'est pas activé pour ce compte";
            } else if (first(form, "agent_id") == null || first(form, "agent_id").isBlank()) {
                code = "agent_id";
                message = "agent_id manquant";
            } else if (fallback == null || fallback.isBlank()) {
                code = "fallback_message";
                message = "fallback_message manquant";
            } else if (recipients.isEmpty() || recipients.keySet().stream().anyMatch(p -> !PHONE.matcher(p).matches())) {
                code = String.valueOf(recipients.isEmpty() ? SpotHitErrors.NO_VALID_RECIPIENT : SpotHitErrors.INVALID_NUMBER);
                message = "destinataire invalide";
            } else if ("basic".equals(type)) {
                var basic = first(form, "rcs_basic_message");
                if (basic == null || basic.isBlank() || recipients.entrySet().stream().anyMatch(r ->
                        render(basic, r.getValue()).getBytes(StandardCharsets.UTF_8).length > RCS_BASIC_MAX_BYTES)) {
                    code = "rcs_basic_message";
                    message = "Le message RCS basique doit contenir de 1 à 160 octets";
                }
            } else if ("single".equals(type)) {
                var media = first(form, "media_id");
                if (!knowsMedia(media)) {
                    code = "media_id";
                    message = "media_id inconnu";
                }
            } else {
                code = "rcs_type";
                message = "rcs_type doit valoir basic ou single";
            }
            if (code != null) {
                calls.add(new SpotHitCall(arrivedAt, "rcs", recipients.size(), 200, null, code));
                respond(exchange, 200, rcsError(code, message));
                return;
            }
            var campaignId = String.valueOf(campaignIds.incrementAndGet());
            for (var recipient : recipients.entrySet()) {
                var phone = recipient.getKey();
                boolean capable = plan.capable(phone);
                acceptedByPhone.computeIfAbsent(phone, p -> new AtomicInteger()).incrementAndGet();
                acceptedTotal.incrementAndGet();
                if (config.keepMessageTexts()) {
                    var text = capable && "single".equals(type) ? "[media " + first(form, "media_id") + "] " + render(fallback, recipient.getValue())
                            : render(capable ? first(form, "rcs_basic_message") : fallback, recipient.getValue());
                    acceptedMessages.add(new AcceptedMessage(campaignId, phone, text,
                            capable ? "rcs_" + type : "rcs_fallback_sms", null, null));
                }
                scheduleRcsEvents(plan, campaignId, phone, capable);
            }
            calls.add(new SpotHitCall(arrivedAt, "rcs", recipients.size(), 200, campaignId, null));
            respond(exchange, 200, "{\"success\":true,\"campaign_id\":" + campaignId + "}");
        } catch (RuntimeException e) {
            respond(exchange, 500, rcsError(String.valueOf(SpotHitErrors.SYSTEM_ERROR), "erreur système"));
        }
    }

    /**
     * {@code POST /api/mms/upload}, multipart: {@code key} and {@code fichier} (the file). Each upload gets a new id, as
     * a provider's would; the simulator keeps the bytes' SHA-256 so a test can tell the same file uploaded twice.
     */
    private void handleUpload(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405, rcsError("method", "POST only"));
                return;
            }
            sleep(faults.latency());
            int serverError = faults.takeServerError();
            if (serverError > 0) {
                respond(exchange, serverError, "<html><body>Service Unavailable</body></html>");
                return;
            }
            var contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            var parts = Multipart.parse(contentType, exchange.getRequestBody().readAllBytes());
            var key = parts.get("key");
            var file = parts.get("fichier");
            if (key == null || (config.apiKey() != null && !config.apiKey().equals(key.text()))) {
                respond(exchange, 200, rcsError(String.valueOf(SpotHitErrors.BAD_API_KEY), "Clé API non reconnue"));
                return;
            }
            if (file == null || file.bytes().length == 0 || file.fileName() == null) {
                respond(exchange, 200, rcsError("fichier", "fichier manquant"));
                return;
            }
            var id = "media-" + mediaIds.incrementAndGet();
            knownMedia.add(id);
            uploads.put(id, new MediaUpload(id, sha256(file.bytes()), file.bytes().length,
                    file.contentType() == null ? "application/octet-stream" : file.contentType(), file.fileName()));
            respond(exchange, 200, "{\"success\":true,\"file\":\"" + id + "\"}");
        } catch (RuntimeException e) {
            respond(exchange, 500, rcsError(String.valueOf(SpotHitErrors.SYSTEM_ERROR), "erreur système"));
        }
    }

    /** {@code GET|HEAD /simulator/sample.png[?v=variant]}: the sample attachment (a variant's bytes follow the image's end). */
    private void handleSample(HttpExchange exchange) throws IOException {
        try (exchange) {
            var query = exchange.getRequestURI().getRawQuery();
            var variant = query != null && query.startsWith("v=")
                    ? URLDecoder.decode(query.substring(2), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8) : new byte[0];
            var image = new byte[SAMPLE_PNG.length + variant.length];
            System.arraycopy(SAMPLE_PNG, 0, image, 0, SAMPLE_PNG.length);
            System.arraycopy(variant, 0, image, SAMPLE_PNG.length, variant.length);
            exchange.getResponseHeaders().set("Content-Type", "image/png");
            if ("HEAD".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Content-Length", String.valueOf(image.length));
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            sampleFetches.incrementAndGet();
            exchange.sendResponseHeaders(200, image.length);
            exchange.getResponseBody().write(image);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rcsError(String code, String message) {
        return "{\"success\":false,\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}";
    }

    private static Map<String, Map<String, String>> rcsRecipients(Map<String, List<String>> form) {
        var recipients = new LinkedHashMap<String, Map<String, String>>();
        for (var phone : form.getOrDefault("custom_list[]", List.of())) {
            if (!phone.isBlank()) {
                recipients.putIfAbsent(phone.trim(), new LinkedHashMap<>());
            }
        }
        for (var entry : form.entrySet()) {
            Matcher matcher = CUSTOM_DATA_KEY.matcher(entry.getKey());
            if (matcher.matches()) {
                var variables = recipients.computeIfAbsent(matcher.group(1).trim(), p -> new LinkedHashMap<>());
                if (matcher.group(2) != null && !matcher.group(2).isEmpty()) {
                    variables.put(matcher.group(2), entry.getValue().getLast());
                }
            }
        }
        return recipients;
    }

    private static String render(String template, Map<String, String> variables) {
        if (variables.isEmpty()) {
            return template;
        }
        return VARIABLE.matcher(template).replaceAll(match ->
                Matcher.quoteReplacement(variables.getOrDefault(match.group(1), match.group())));
    }

    private void scheduleRcsEvents(RcsPlan plan, String campaignId, String phone, boolean capable) {
        if (capable) {
            rcsDelivered.incrementAndGet();
        } else {
            rcsFallbacks.incrementAndGet();
        }
        if (!plan.enabled()) {
            return;
        }
        var channel = capable ? "rcs" : "fallback";
        scheduleRcsEvent(plan, campaignId, phone, "SENT", channel, plan.delay());
        scheduleRcsEvent(plan, campaignId, phone, "DELIVERED", channel, plan.delay().plusMillis(100));
        if (plan.reads(phone)) {
            rcsReads.incrementAndGet();
            scheduleRcsEvent(plan, campaignId, phone, "READ", channel, plan.readDelay());
        }
    }

    private void scheduleRcsEvent(RcsPlan plan, String campaignId, String phone, String status, String channel, Duration delay) {
        var body = "{\"events\":[{\"messageStatusChanged\":{\"status\":\"" + status + "\",\"channelId\":\"" + channel
                + "\",\"userId\":\"" + phone + "\",\"context\":{\"campaign_id\":" + campaignId + "},\"error\":null}}]}";
        var request = HttpRequest.newBuilder(URI.create(java.util.Objects.requireNonNull(plan.callbackUrl())))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(5)).build();
        receiptDelivery.deliverLater(new CallbackDelivery.Callback() {
            @Override
            public HttpRequest request() {
                return request;
            }

            @Override
            public void finished(boolean delivered, int attempts) {
                (delivered ? receiptsDelivered : receiptsUndelivered).incrementAndGet();
            }
        }, delay);
    }

    /** SpotHit's error codes for this call, comma-separated, or empty when it is accepted. */
    private String refusal(Map<String, List<String>> form, SendRequest request) {
        var key = first(form, "key");
        if (key == null || key.isBlank() || (config.apiKey() != null && !config.apiKey().equals(key))) {
            return String.valueOf(SpotHitErrors.BAD_API_KEY);
        }
        if (faults.takeRateLimitRefusal() || overRateLimit()) {
            return String.valueOf(SpotHitErrors.API_RATE_LIMIT);
        }
        var codes = new ArrayList<Integer>();
        if (request.message().isBlank()) {
            codes.add(SpotHitErrors.MESSAGE_EMPTY);
        }
        if (!request.longSms() && request.recipients().keySet().stream()
                .anyMatch(phone -> request.textFor(phone).length() > SMS_MAX_CHARS)) {
            codes.add(SpotHitErrors.MESSAGE_TOO_LONG);
        }
        if (request.recipients().isEmpty()) {
            codes.add(SpotHitErrors.NO_VALID_RECIPIENT);
        } else if (request.recipients().keySet().stream().anyMatch(phone -> !PHONE.matcher(phone).matches())) {
            codes.add(SpotHitErrors.INVALID_NUMBER);
        }
        if (request.sender() != null && request.sender().length() > SENDER_MAX_CHARS) {
            codes.add(SpotHitErrors.SENDER_TOO_LONG);
        }
        return codes.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private boolean overRateLimit() {
        if (config.rateLimitPerSecond() <= 0) {
            return false;
        }
        long now = System.nanoTime();
        synchronized (recentArrivals) {
            while (!recentArrivals.isEmpty() && now - recentArrivals.peekFirst() >= 1_000_000_000L) {
                recentArrivals.pollFirst();
            }
            if (recentArrivals.size() >= config.rateLimitPerSecond()) {
                return true;
            }
            recentArrivals.addLast(now);
            return false;
        }
    }

    private void accept(String campaignId, String endpoint, SendRequest request) {
        var plan = receipts.get();
        for (var phone : request.recipients().keySet()) {
            acceptedByPhone.computeIfAbsent(phone, p -> new AtomicInteger()).incrementAndGet();
            acceptedTotal.incrementAndGet();
            if (config.keepMessageTexts()) {
                acceptedMessages.add(new AcceptedMessage(campaignId, phone, request.textFor(phone), endpoint,
                        request.attachment(), request.sender()));
            }
            if (plan.enabled()) {
                scheduleReceipts(plan, campaignId, phone);
            }
        }
    }

    // ---- receipts -----------------------------------------------------------------------------

    private void scheduleReceipts(ReceiptPlan plan, String campaignId, String phone) {
        var random = ThreadLocalRandom.current();
        int finalStatus = drawOutcome(plan, random);
        finalStatuses.computeIfAbsent(finalStatus, code -> new AtomicInteger()).incrementAndGet();
        if (random.nextDouble() < plan.sentFirstRate()) {
            scheduleReceipt(plan, campaignId, phone, 2, random);
        }
        scheduleReceipt(plan, campaignId, phone, finalStatus, random);
        if (random.nextDouble() < plan.duplicateRate()) {
            scheduleReceipt(plan, campaignId, phone, finalStatus, random);
        }
    }

    private static int drawOutcome(ReceiptPlan plan, ThreadLocalRandom random) {
        int total = plan.deliveredWeight() + plan.failedWeight() + plan.expiredWeight();
        int draw = total <= 0 ? 0 : random.nextInt(total);
        if (draw < plan.deliveredWeight()) {
            return 1;
        }
        return draw < plan.deliveredWeight() + plan.failedWeight() ? 4 : 5;
    }

    private void scheduleReceipt(ReceiptPlan plan, String campaignId, String phone, int status, ThreadLocalRandom random) {
        long delay = plan.delay().toMillis() + (plan.jitter().isZero() ? 0 : random.nextLong(plan.jitter().toMillis() + 1));
        var uri = URI.create(plan.callbackUrl()
                + (plan.callbackUrl().contains("?") ? "&" : "?")
                + "id_message=" + campaignId
                + "&numero=" + URLEncoder.encode(phone, StandardCharsets.UTF_8)
                + "&statut=" + status);
        var request = HttpRequest.newBuilder(uri).GET().timeout(Duration.ofSeconds(5)).build();
        receiptDelivery.deliverLater(new CallbackDelivery.Callback() {
            @Override
            public HttpRequest request() {
                return request;
            }

            @Override
            public void finished(boolean delivered, int attempts) {
                (delivered ? receiptsDelivered : receiptsUndelivered).incrementAndGet();
                if (delivered) {
                    receiptedRecipients.add(campaignId + '|' + phone);
                }
            }
        }, Duration.ofMillis(delay));
    }

    // ---- plumbing -----------------------------------------------------------------------------

    private void handleStats(HttpExchange exchange) throws IOException {
        try (exchange) {
            var json = "{\"calls\":" + calls.size()
                    + ",\"acceptedCalls\":" + acceptedCalls().size()
                    + ",\"acceptedRecipients\":" + totalAccepted()
                    + ",\"distinctPhones\":" + acceptedByPhone.size()
                    + ",\"duplicatedPhones\":" + duplicatedPhones().size()
                    + ",\"maxCallsInAnySecond\":" + maxCallsInAnySecond()
                    + ",\"receiptsDelivered\":" + receiptsDelivered.get()
                    + ",\"receiptsUndelivered\":" + receiptsUndelivered.get()
                    + ",\"rcsDelivered\":" + rcsDelivered.get()
                    + ",\"rcsFallbacks\":" + rcsFallbacks.get()
                    + ",\"rcsReads\":" + rcsReads.get() + "}";
            respond(exchange, 200, json);
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type",
                body.startsWith("{") ? "application/json; charset=utf-8" : "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private boolean awaitClosing(Duration hold) {
        try {
            return closing.await(hold.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private static void sleep(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Map<String, List<String>> parseForm(String body) {
        var form = new LinkedHashMap<String, List<String>>();
        for (var pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            var name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            var value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            form.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return form;
    }

    private static @Nullable String first(Map<String, List<String>> form, String name) {
        var values = form.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** A send call as SpotHit reads it: recipients with their variables, in the order given. */
    private record SendRequest(String message, Map<String, Map<String, String>> recipients, boolean longSms,
                               @Nullable String sender, @Nullable String attachment) {

        static SendRequest from(Map<String, List<String>> form) {
            var recipients = new LinkedHashMap<String, Map<String, String>>();
            if ("datas".equals(first(form, "destinataires_type"))) {
                for (var entry : form.entrySet()) {
                    Matcher matcher = DATAS_KEY.matcher(entry.getKey());
                    if (matcher.matches()) {
                        var variables = recipients.computeIfAbsent(matcher.group(1).trim(), p -> new LinkedHashMap<>());
                        if (matcher.group(2) != null && !matcher.group(2).isEmpty()) {
                            variables.put(matcher.group(2), entry.getValue().getLast());
                        }
                    }
                }
            } else {
                var lists = new ArrayList<String>();
                lists.addAll(form.getOrDefault("destinataires", List.of()));
                lists.addAll(form.getOrDefault("destinataires[]", List.of()));
                for (var list : lists) {
                    for (var phone : list.split(",")) {
                        if (!phone.isBlank()) {
                            recipients.putIfAbsent(phone.trim(), Map.of());
                        }
                    }
                }
            }
            var smslong = first(form, "smslong");
            return new SendRequest(String.valueOf(first(form, "message") == null ? "" : first(form, "message")),
                    recipients, smslong != null && !smslong.equals("0") && !smslong.isBlank(),
                    first(form, "expediteur"), first(form, "fichier"));
        }

        /** The message as this recipient receives it, variables replaced. */
        String textFor(String phone) {
            var variables = recipients.getOrDefault(phone, Map.of());
            if (variables.isEmpty()) {
                return message;
            }
            return VARIABLE.matcher(message).replaceAll(match ->
                    Matcher.quoteReplacement(variables.getOrDefault(match.group(1), match.group())));
        }
    }
}
