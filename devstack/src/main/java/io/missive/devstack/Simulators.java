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

    static Simulators start(StackConfig config) {
        var gateway = "http://localhost:" + config.port("webhook-gateway");
        var spotHit = SpotHitSimulator.start(SpotHitSimulatorConfig.forTests(Stack.SPOT_HIT_API_KEY)
                .withPort(config.spotHitSimulatorPort())
                .withReceipts(ReceiptPlan.realistic(gateway + "/spot_hit/status")));
        var aircallConfig = AircallSimulatorConfig.builder()
                .port(config.aircallSimulatorPort())
                .credentials(Stack.AIRCALL_API_ID, Stack.AIRCALL_API_TOKEN)
                .statusWebhookUrl(gateway + "/aircall/events_messages_status_updated")
                .messagesWebhookUrl(gateway + "/aircall/messages")
                .webhookTokens(Stack.AIRCALL_STATUS_TOKEN, Stack.AIRCALL_MESSAGE_TOKEN);
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
