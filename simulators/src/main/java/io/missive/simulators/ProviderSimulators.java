package io.missive.simulators;

import io.missive.simulators.aircall.AircallSimulator;
import io.missive.simulators.aircall.AircallSimulatorConfig;
import io.missive.simulators.spothit.SpotHitSimulator;
import io.missive.simulators.spothit.SpotHitSimulatorConfig;
import io.missive.simulators.spothit.SpotHitSimulatorConfig.ReceiptPlan;
import java.time.Duration;
import java.util.LinkedHashMap;

/**
 * The SpotHit and Aircall simulators together, calling the webhook gateway back the way the real
 * providers do: SpotHit's receipts by GET, Aircall's webhooks by POST with tokens. The devstack runs
 * them in its process; {@link #main} runs them on their own (the simulators image).
 */
public final class ProviderSimulators implements AutoCloseable {

    /** Demo supporters get Aircall numbers; the simulator knows this many of them. */
    public static final int KNOWN_AIRCALL_NUMBERS = 1000;

    private final SpotHitSimulator spotHit;
    private final AircallSimulator aircall;

    private ProviderSimulators(SpotHitSimulator spotHit, AircallSimulator aircall) {
        this.spotHit = spotHit;
        this.aircall = aircall;
    }

    public static ProviderSimulators start(int spotHitPort, int aircallPort, String gateway, DevSecrets secrets,
                                           int aircallRequests, Duration aircallWindow) {
        var spotHit = SpotHitSimulator.start(SpotHitSimulatorConfig.forTests(secrets.spotHitApiKey())
                .withPort(spotHitPort)
                .withReceipts(ReceiptPlan.realistic(gateway + "/spot_hit/status?secret="
                        + java.net.URLEncoder.encode(secrets.spotHitCallbackSecret(), java.nio.charset.StandardCharsets.UTF_8))));
        var numbers = new LinkedHashMap<String, String>();
        numbers.put(AircallSimulatorConfig.DEFAULT_NUMBER_ID, AircallSimulatorConfig.DEFAULT_NUMBER_DIGITS);
        for (int supporter = 1; supporter <= KNOWN_AIRCALL_NUMBERS; supporter++) {
            numbers.put(aircallNumberId(supporter), aircallDigits(supporter));
        }
        var aircallConfig = AircallSimulatorConfig.forTests()
                .withPort(aircallPort)
                .withCredentials(secrets.aircallApiId(), secrets.aircallApiToken())
                .withRateLimit(aircallRequests, aircallWindow)
                .withStatusWebhookUrl(gateway + "/aircall/events_messages_status_updated")
                .withMessagesWebhookUrl(gateway + "/aircall/messages")
                .withWebhookTokens(secrets.aircallStatusToken(), secrets.aircallMessageToken())
                .withInsightCardsWebhook(gateway + "/aircall/insight_cards", secrets.aircallInsightCardsToken())
                .withNumbers(numbers);
        try {
            return new ProviderSimulators(spotHit, AircallSimulator.start(aircallConfig));
        } catch (RuntimeException e) {
            spotHit.close();
            throw e;
        }
    }

    /** The Aircall number id of demo supporter {@code s}: the directory and the simulator agree on it. */
    public static String aircallNumberId(int supporter) {
        return Integer.toString(100_000 + supporter);
    }

    /** The Aircall number (digits) of demo supporter {@code s}. */
    public static String aircallDigits(int supporter) {
        return "+3317654%04d".formatted(supporter);
    }

    /** The simulators on their own (the docker-compose "simulators" service): ports 8091 and 8092. */
    public static void main(String[] args) throws InterruptedException {
        var gateway = System.getenv().getOrDefault("GATEWAY_URL", "http://localhost:8084");
        var simulators = start(8091, 8092, gateway, DevSecrets.fromEnvironment(), 60, Duration.ofMinutes(1));
        System.out.println("simulators: SpotHit at " + simulators.spotHitUrl() + ", Aircall at " + simulators.aircallUrl()
                + ", calling back " + gateway);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(simulators::close));
        Thread.currentThread().join();
    }

    public SpotHitSimulator spotHit() {
        return spotHit;
    }

    public AircallSimulator aircall() {
        return aircall;
    }

    public String spotHitUrl() {
        return spotHit.baseUrl();
    }

    public String aircallUrl() {
        return aircall.baseUrl();
    }

    @Override
    public void close() {
        try (spotHit; aircall) {
            // both closed, even if one fails
        }
    }
}
