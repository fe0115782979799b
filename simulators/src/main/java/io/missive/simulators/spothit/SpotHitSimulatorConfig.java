package io.missive.simulators.spothit;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link SpotHitSimulator} behaves from the start. Faults and receipts can also be changed
 * while it runs ({@link SpotHitSimulator#faults()}, {@link SpotHitSimulator#receipts(ReceiptPlan)}).
 *
 * @param port                 0 for any free port
 * @param apiKey               the only key accepted (error 30 otherwise); {@code null} accepts any non-blank key
 * @param rateLimitPerSecond   calls allowed in any sliding second before answering error 63; 0 = unlimited
 * @param receipts             delivery receipts to send, or {@link ReceiptPlan#none()}
 * @param keepMessageTexts     keep the rendered text of every accepted message (turn off for huge benchmarks)
 */
public record SpotHitSimulatorConfig(int port, @Nullable String apiKey, int rateLimitPerSecond,
                                     ReceiptPlan receipts, boolean keepMessageTexts) {

    /** Any free port, the given key, no rate limit, no receipts. */
    public static SpotHitSimulatorConfig forTests(String apiKey) {
        return new SpotHitSimulatorConfig(0, apiKey, 0, ReceiptPlan.none(), true);
    }

    public SpotHitSimulatorConfig withPort(int port) {
        return new SpotHitSimulatorConfig(port, apiKey, rateLimitPerSecond, receipts, keepMessageTexts);
    }

    public SpotHitSimulatorConfig withRateLimitPerSecond(int limit) {
        return new SpotHitSimulatorConfig(port, apiKey, limit, receipts, keepMessageTexts);
    }

    public SpotHitSimulatorConfig withReceipts(ReceiptPlan plan) {
        return new SpotHitSimulatorConfig(port, apiKey, rateLimitPerSecond, plan, keepMessageTexts);
    }

    public SpotHitSimulatorConfig withoutMessageTexts() {
        return new SpotHitSimulatorConfig(port, apiKey, rateLimitPerSecond, receipts, false);
    }

    /**
     * Which delivery receipts to fire, and when: each accepted recipient gets one final receipt
     * (delivered, failed or expired, drawn with the given weights) after {@code delay} plus up to
     * {@code jitter}; with {@code duplicateRate} a second copy of it, and with {@code sentFirstRate}
     * an intermediate "sent" (statut 2) receipt that may arrive after the final one.
     */
    public record ReceiptPlan(@Nullable String callbackUrl, Duration delay, Duration jitter,
                              int deliveredWeight, int failedWeight, int expiredWeight,
                              double duplicateRate, double sentFirstRate) {

        public static ReceiptPlan none() {
            return new ReceiptPlan(null, Duration.ZERO, Duration.ZERO, 1, 0, 0, 0, 0);
        }

        /** Everything delivered, once, shortly after acceptance. */
        public static ReceiptPlan allDelivered(String callbackUrl) {
            return new ReceiptPlan(callbackUrl, Duration.ofMillis(200), Duration.ofMillis(300), 1, 0, 0, 0, 0);
        }

        /** Realistic: mostly delivered, some failed or expired, duplicates and reordering. */
        public static ReceiptPlan realistic(String callbackUrl) {
            return new ReceiptPlan(callbackUrl, Duration.ofSeconds(1), Duration.ofSeconds(2), 90, 7, 3, 0.05, 0.3);
        }

        public ReceiptPlan withOutcomes(int delivered, int failed, int expired) {
            return new ReceiptPlan(callbackUrl, delay, jitter, delivered, failed, expired, duplicateRate, sentFirstRate);
        }

        public ReceiptPlan withTiming(Duration delay, Duration jitter) {
            return new ReceiptPlan(callbackUrl, delay, jitter, deliveredWeight, failedWeight, expiredWeight, duplicateRate, sentFirstRate);
        }

        public ReceiptPlan withDisorder(double duplicateRate, double sentFirstRate) {
            return new ReceiptPlan(callbackUrl, delay, jitter, deliveredWeight, failedWeight, expiredWeight, duplicateRate, sentFirstRate);
        }

        boolean enabled() {
            return callbackUrl != null && !callbackUrl.isBlank();
        }
    }
}
