package io.missive.testkit.simulator.aircall;

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
        boolean messageSentWebhooks) {

    public static final String DEFAULT_NUMBER_ID = "123456";
    public static final String DEFAULT_NUMBER_DIGITS = "+33176543210";

    public AircallSimulatorConfig {
        numbers = Map.copyOf(numbers);
        undeliverablePhones = Set.copyOf(undeliverablePhones);
        if (requestsPerWindow < 1 || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("the rate limit needs at least one request per positive window");
        }
    }

    /** Test defaults: any port, credentials {@code sim-id}/{@code sim-token}, 60 a minute, no webhooks. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        var builder = new Builder().port(port).credentials(apiId, apiToken).rateLimit(requestsPerWindow, window)
                .statusWebhookUrl(statusWebhookUrl).messagesWebhookUrl(messagesWebhookUrl).webhookTokens(statusWebhookToken, messagesWebhookToken)
                .deliveryDelay(deliveryDelay).duplicateWebhookRate(duplicateWebhookRate)
                .reorderWebhookRate(reorderWebhookRate).seed(seed).messageSentWebhooks(messageSentWebhooks);
        builder.numbers.clear();
        builder.numbers.putAll(numbers);
        builder.undeliverable = undeliverablePhones;
        return builder;
    }

    public static final class Builder {
        private int port;
        private String apiId = "sim-id";
        private String apiToken = "sim-token";
        private int requestsPerWindow = 60;
        private Duration window = Duration.ofMinutes(1);
        private final Map<String, String> numbers = new LinkedHashMap<>(Map.of(DEFAULT_NUMBER_ID, DEFAULT_NUMBER_DIGITS));
        private @Nullable String statusWebhookUrl;
        private @Nullable String messagesWebhookUrl;
        private String statusWebhookToken = "sim-status-token";
        private String messagesWebhookToken = "sim-messages-token";
        private Duration deliveryDelay = Duration.ofMillis(200);
        private Set<String> undeliverable = Set.of();
        private double duplicateWebhookRate;
        private double reorderWebhookRate;
        private long seed = 42;
        private boolean messageSentWebhooks;

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder credentials(String apiId, String apiToken) {
            this.apiId = apiId;
            this.apiToken = apiToken;
            return this;
        }

        public Builder rateLimit(int requests, Duration window) {
            this.requestsPerWindow = requests;
            this.window = window;
            return this;
        }

        /** Adds a known Aircall number. */
        public Builder number(String id, String digits) {
            numbers.put(id, digits);
            return this;
        }

        public Builder statusWebhookUrl(@Nullable String url) {
            this.statusWebhookUrl = url;
            return this;
        }

        public Builder messagesWebhookUrl(@Nullable String url) {
            this.messagesWebhookUrl = url;
            return this;
        }

        public Builder webhookTokens(String statusToken, String messagesToken) {
            this.statusWebhookToken = statusToken;
            this.messagesWebhookToken = messagesToken;
            return this;
        }

        public Builder deliveryDelay(Duration delay) {
            this.deliveryDelay = delay;
            return this;
        }

        public Builder undeliverable(Set<String> phones) {
            this.undeliverable = phones;
            return this;
        }

        public Builder duplicateWebhookRate(double rate) {
            this.duplicateWebhookRate = rate;
            return this;
        }

        public Builder reorderWebhookRate(double rate) {
            this.reorderWebhookRate = rate;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder messageSentWebhooks(boolean enabled) {
            this.messageSentWebhooks = enabled;
            return this;
        }

        public AircallSimulatorConfig build() {
            return new AircallSimulatorConfig(port, apiId, apiToken, requestsPerWindow, window, numbers,
                    statusWebhookUrl, messagesWebhookUrl, statusWebhookToken, messagesWebhookToken, deliveryDelay, undeliverable,
                    duplicateWebhookRate, reorderWebhookRate, seed, messageSentWebhooks);
        }
    }
}
