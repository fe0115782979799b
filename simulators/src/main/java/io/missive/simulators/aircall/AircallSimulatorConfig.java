package io.missive.simulators.aircall;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How an {@link AircallSimulator} behaves. Defaults are Aircall's: 60 requests a minute per API
 * credentials, one known number. Webhooks are off unless a URL is given.
 *
 * @param port                  0 for any free port (tests), 8092 standalone
 * @param apiId                 the HTTP Basic user it accepts
 * @param apiToken              the HTTP Basic password it accepts
 * @param requestsPerWindow     the rate limit per credentials
 * @param window                the limit's window; windows are aligned to the epoch, so with a whole
 *                              number of seconds {@code X-AircallApi-Reset} (epoch seconds) is exact
 * @param numbers               known Aircall number ids and their digits; others get 404
 * @param statusWebhookUrl      where {@code message.status_updated} goes (null: no webhooks)
 * @param messagesWebhookUrl    where {@code message.received} goes (null: none)
 * @param statusWebhookToken    the {@code token} field of {@code message.status_updated} payloads
 * @param messagesWebhookToken  the {@code token} field of {@code message.received} payloads
 * @param deliveryDelay         time between acceptance and the {@code delivered}/{@code failed} webhook
 * @param undeliverablePhones   recipients whose messages end {@code failed} rather than {@code delivered}
 * @param duplicateWebhookRate  share of webhooks delivered twice (Aircall delivers at least once)
 * @param reorderWebhookRate    share of messages whose final status webhook comes before {@code sent}
 * @param seed                  seed of the random choices above, for reproducible runs
 * @param messageSentWebhooks   whether an accepted message also fires {@code message.sent} to the messages URL
 * @param insightCardsWebhookUrl   where {@link AircallSimulator#inboundCall} sends {@code call.created} (null: nowhere)
 * @param insightCardsWebhookToken the {@code token} field of those call webhooks
 */
public record AircallSimulatorConfig(
        int port,
        String apiId,
        String apiToken,
        int requestsPerWindow,
        Duration window,
        Map<String, String> numbers,
        @Nullable String statusWebhookUrl,
        @Nullable String messagesWebhookUrl,
        String statusWebhookToken,
        String messagesWebhookToken,
        Duration deliveryDelay,
        Set<String> undeliverablePhones,
        double duplicateWebhookRate,
        double reorderWebhookRate,
        long seed,
        boolean messageSentWebhooks,
        @Nullable String insightCardsWebhookUrl,
        String insightCardsWebhookToken) {

    public static final String DEFAULT_NUMBER_ID = "123456";
    public static final String DEFAULT_NUMBER_DIGITS = "+33176543210";

    public AircallSimulatorConfig {
        numbers = Map.copyOf(numbers);
        undeliverablePhones = Set.copyOf(undeliverablePhones);
        if (requestsPerWindow < 1 || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("the rate limit needs at least one request per positive window");
        }
    }

    /** Test defaults: any port, credentials {@code sim-id}/{@code sim-token}, 60 a minute, one known number, no webhooks. */
    public static AircallSimulatorConfig forTests() {
        return new AircallSimulatorConfig(0, "sim-id", "sim-token", 60, Duration.ofMinutes(1),
                Map.of(DEFAULT_NUMBER_ID, DEFAULT_NUMBER_DIGITS), null, null, "sim-status-token", "sim-messages-token",
                Duration.ofMillis(200), Set.of(), 0, 0, 42, false, null, "sim-insight-cards-token");
    }

    public AircallSimulatorConfig withPort(int port) {
        return new AircallSimulatorConfig(port, apiId, apiToken, requestsPerWindow, window, numbers, statusWebhookUrl,
                messagesWebhookUrl, statusWebhookToken, messagesWebhookToken, deliveryDelay, undeliverablePhones,
                duplicateWebhookRate, reorderWebhookRate, seed, messageSentWebhooks,
                insightCardsWebhookUrl, insightCardsWebhookToken);
    }

    public AircallSimulatorConfig withCredentials(String apiId, String apiToken) {
        return new AircallSimulatorConfig(port, apiId, apiToken, requestsPerWindow, window, numbers, statusWebhookUrl,
                messagesWebhookUrl, statusWebhookToken, messagesWebhookToken, deliveryDelay, undeliverablePhones,
                duplicateWebhookRate, reorderWebhookRate, seed, messageSentWebhooks,
                insightCardsWebhookUrl, insightCardsWebhookToken);
    }

    public AircallSimulatorConfig withRateLimit(int requestsPerWindow, Duration window) {
        return new AircallSimulatorConfig(port, apiId, apiToken, requestsPerWindow, window, numbers, statusWebhookUrl,
                messagesWebhookUrl, statusWebhookToken, messagesWebhookToken, deliveryDelay, undeliverablePhones,
                duplicateWebhookRate, reorderWebhookRate, seed, messageSentWebhooks,
                insightCardsWebhookUrl, insightCardsWebhookToken);
    }

    /** With one more known Aircall number. */
    public AircallSimulatorConfig withNumber(String id, String digits) {
        var more = new LinkedHashMap<>(numbers);
        more.put(id, digits);
        return withNumbers(more);
    }

    /** With exactly these known Aircall numbers (id to digits). */
    public AircallSimulatorConfig withNumbers(Map<String, String> numbers) {
        return new AircallSimulatorConfig(port, apiId, apiToken, requestsPerWindow, window, numbers, statusWebhookUrl,
                messagesWebhookUrl, statusWebhookToken, messagesWebhookToken, deliveryDelay, undeliverablePhones,
                duplicateWebhookRate, reorderWebhookRate, seed, messageSentWebhooks,
                insightCardsWebhookUrl, insightCardsWebhookToken);
    }

    public AircallSimulatorConfig withStatusWebhookUrl(@Nullable String statusWebhookUrl) {
        return new AircallSimulatorConfig(port, apiId, apiToken, requestsPerWindow, window, numbers, statusWebhookUrl,
                messagesWebhookUrl, statusWebhookToken, messagesWebhookToken, deliveryDelay, undeliverablePhones,
                duplicateWebhookRate, reorderWebhookRate, seed, messageSentWebhooks,
                insightCardsWebhookUrl, insightCardsWebhookToken);
    }

    public AircallSimulatorConfig withMessagesWebhookUrl(@Nullable String messagesWebhookUrl) {
        return new AircallSimulatorConfig(port, apiId, apiToken, requestsPerWindow, window, numbers, statusWebhookUrl,
                messagesWebhookUrl, statusWebhookToken, messagesWebhookToken, deliveryDelay, undeliverablePhones,
                duplicateWebhookRate, reorderWebhookRate, seed, messageSentWebhooks,
                insightCardsWebhookUrl, insightCardsWebhookToken);
    }

    public AircallSimulatorConfig withWebhookTokens(String statusWebhookToken, String messagesWebhookToken) {
        return new AircallSimulatorConfig(port, apiId, apiToken, requestsPerWindow, window, numbers, statusWebhookUrl,
                messagesWebhookUrl, statusWebhookToken, messagesWebhookToken, deliveryDelay, undeliverablePhones,
                duplicateWebhookRate, reorderWebhookRate, seed, messageSentWebhooks,
                insightCardsWebhookUrl, insightCardsWebhookToken);
    }

    public AircallSimulatorConfig withDeliveryDelay(Duration deliveryDelay) {
        return new AircallSimulatorConfig(port, apiId, apiToken, requestsPerWindow, window, numbers, statusWebhookUrl,
                messagesWebhookUrl, statusWebhookToken, messagesWebhookToken, deliveryDelay, undeliverablePhones,
                duplicateWebhookRate, reorderWebhookRate, seed, messageSentWebhooks,
                insightCardsWebhookUrl, insightCardsWebhookToken);
    }

    public AircallSimulatorConfig withUndeliverable(Set<String> undeliverablePhones) {
        return new AircallSimulatorConfig(port, apiId, apiToken, requestsPerWindow, window, numbers, statusWebhookUrl,
                messagesWebhookUrl, statusWebhookToken, messagesWebhookToken, deliveryDelay, undeliverablePhones,
                duplicateWebhookRate, reorderWebhookRate, seed, messageSentWebhooks,
                insightCardsWebhookUrl, insightCardsWebhookToken);
    }

    public AircallSimulatorConfig withDuplicateWebhookRate(double duplicateWebhookRate) {
        return new AircallSimulatorConfig(port, apiId, apiToken, requestsPerWindow, window, numbers, statusWebhookUrl,
                messagesWebhookUrl, statusWebhookToken, messagesWebhookToken, deliveryDelay, undeliverablePhones,
                duplicateWebhookRate, reorderWebhookRate, seed, messageSentWebhooks,
                insightCardsWebhookUrl, insightCardsWebhookToken);
    }

    public AircallSimulatorConfig withReorderWebhookRate(double reorderWebhookRate) {
        return new AircallSimulatorConfig(port, apiId, apiToken, requestsPerWindow, window, numbers, statusWebhookUrl,
                messagesWebhookUrl, statusWebhookToken, messagesWebhookToken, deliveryDelay, undeliverablePhones,
                duplicateWebhookRate, reorderWebhookRate, seed, messageSentWebhooks,
                insightCardsWebhookUrl, insightCardsWebhookToken);
    }

    public AircallSimulatorConfig withSeed(long seed) {
        return new AircallSimulatorConfig(port, apiId, apiToken, requestsPerWindow, window, numbers, statusWebhookUrl,
                messagesWebhookUrl, statusWebhookToken, messagesWebhookToken, deliveryDelay, undeliverablePhones,
                duplicateWebhookRate, reorderWebhookRate, seed, messageSentWebhooks,
                insightCardsWebhookUrl, insightCardsWebhookToken);
    }

    public AircallSimulatorConfig withMessageSentWebhooks(boolean messageSentWebhooks) {
        return new AircallSimulatorConfig(port, apiId, apiToken, requestsPerWindow, window, numbers, statusWebhookUrl,
                messagesWebhookUrl, statusWebhookToken, messagesWebhookToken, deliveryDelay, undeliverablePhones,
                duplicateWebhookRate, reorderWebhookRate, seed, messageSentWebhooks,
                insightCardsWebhookUrl, insightCardsWebhookToken);
    }

    /** Where inbound calls are announced ({@code call.created}, the insight-cards webhook), with its token. */
    public AircallSimulatorConfig withInsightCardsWebhook(@Nullable String insightCardsWebhookUrl, String insightCardsWebhookToken) {
        return new AircallSimulatorConfig(port, apiId, apiToken, requestsPerWindow, window, numbers, statusWebhookUrl,
                messagesWebhookUrl, statusWebhookToken, messagesWebhookToken, deliveryDelay, undeliverablePhones,
                duplicateWebhookRate, reorderWebhookRate, seed, messageSentWebhooks,
                insightCardsWebhookUrl, insightCardsWebhookToken);
    }
}
