package io.missive.devstack;

import io.missive.testkit.simulator.aircall.AircallSimulator;
import io.missive.testkit.simulator.aircall.AircallSimulatorConfig;
import io.missive.testkit.simulator.spothit.SpotHitSimulator;
import io.missive.testkit.simulator.spothit.SpotHitSimulatorConfig;
import io.missive.testkit.simulator.spothit.SpotHitSimulatorConfig.ReceiptPlan;

/**
 * The SpotHit and Aircall simulators, in the launcher's process, calling the webhook gateway back
 * the way the real providers do: SpotHit's receipts by GET, Aircall's webhooks by POST with tokens.
 */
public final class Simulators implements AutoCloseable {

    /** Demo supporters get Aircall numbers; the simulator knows this many of them. */
    static final int KNOWN_AIRCALL_NUMBERS = 1000;

    private final SpotHitSimulator spotHit;
    private final AircallSimulator aircall;

    private Simulators(SpotHitSimulator spotHit, AircallSimulator aircall) {
        this.spotHit = spotHit;
        this.aircall = aircall;
    }

    static Simulators start(int spotHitPort, int aircallPort, String gateway, DevSecrets secrets,
                            int aircallRequests, java.time.Duration aircallWindow) {
        var spotHit = SpotHitSimulator.start(SpotHitSimulatorConfig.forTests(secrets.spotHitApiKey())
                .withPort(spotHitPort)
                .withReceipts(ReceiptPlan.realistic(gateway + "/spot_hit/status?secret="
                        + java.net.URLEncoder.encode(secrets.spotHitCallbackSecret(), java.nio.charset.StandardCharsets.UTF_8))));
        var aircallConfig = AircallSimulatorConfig.builder()
                .port(aircallPort)
                .credentials(secrets.aircallApiId(), secrets.aircallApiToken())
                .rateLimit(aircallRequests, aircallWindow)
                .statusWebhookUrl(gateway + "/aircall/events_messages_status_updated")
                .messagesWebhookUrl(gateway + "/aircall/messages")
                .webhookTokens(secrets.aircallStatusToken(), secrets.aircallMessageToken());
        for (int supporter = 1; supporter <= KNOWN_AIRCALL_NUMBERS; supporter++) {
            aircallConfig.number(DemoDirectory.aircallNumberId(supporter), DemoDirectory.aircallDigits(supporter));
        }
        try {
            return new Simulators(spotHit, AircallSimulator.start(aircallConfig.build()));
        } catch (RuntimeException e) {
            spotHit.close();
            throw e;
        }
    }

    /** The simulators on their own (the docker-compose "simulators" service): ports 8091 and 8092. */
    public static void main(String[] args) throws InterruptedException {
        var gateway = System.getenv().getOrDefault("GATEWAY_URL", "http://localhost:8084");
        var simulators = start(8091, 8092, gateway, DevSecrets.fromEnvironment(), 60, java.time.Duration.ofMinutes(1));
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
