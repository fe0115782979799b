package io.missive.aircall.config;

import io.missive.aircall.dispatch.Dispatcher.UnknownOutcomePolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The dispatcher's settings ({@code missive.aircall.*}, bound from the environment
 * variables in application.yml). Sending is off unless both {@code AIRCALL_ENABLED} and
 * {@code AIRCALL_MESSAGE_ENABLED}; then the API credentials are required.
 */
@Validated
@ConfigurationProperties("missive.aircall")
public record AircallProperties(
        boolean enabled,
        boolean messageEnabled,
        @Nullable String apiId,
        @Nullable String apiToken,
        @NotBlank @DefaultValue("https://api.aircall.io") String baseUrl,
        boolean safeguard,
        @DefaultValue Set<String> safePhoneNumbers,
        @NotNull @DefaultValue("5s") Duration connectTimeout,
        @NotNull @DefaultValue("20s") Duration requestTimeout,
        @NotNull @DefaultValue("1s") Duration pollInterval,
        @NotNull @DefaultValue("FAIL") UnknownOutcomePolicy unknownOutcome,
        @Valid @DefaultValue RateLimit rateLimit,
        @Valid @DefaultValue Retry retry,
        @Valid @DefaultValue InsightCards insightCards) {

    /** Whether messages go to Aircall at all ({@code AIRCALL_ENABLED} and {@code AIRCALL_MESSAGE_ENABLED}). */
    public boolean sending() {
        return enabled && messageEnabled;
    }

    @AssertTrue(message = "the Aircall API id is missing: set AIRCALL_API_ID (required when AIRCALL_ENABLED and AIRCALL_MESSAGE_ENABLED)")
    public boolean isApiIdSetWhenSending() {
        return !sending() || (apiId != null && !apiId.isBlank());
    }

    @AssertTrue(message = "the Aircall API token is missing: set AIRCALL_API_TOKEN (required when AIRCALL_ENABLED and AIRCALL_MESSAGE_ENABLED)")
    public boolean isApiTokenSetWhenSending() {
        return !sending() || (apiToken != null && !apiToken.isBlank());
    }

    /**
     * The client-side limit of the credentials: {@code requests} per {@code window} until Aircall's
     * headers say otherwise; {@code clockMargin} is added to every reset Aircall names. {@code shared}:
     * one bucket for every replica, in PostgreSQL (the default); false keeps the limit in the process
     * (one replica only, decision 0301).
     */
    public record RateLimit(
            @Min(1) @DefaultValue("60") int requests,
            @NotNull @DefaultValue("1m") Duration window,
            @NotNull @DefaultValue("1s") Duration clockMargin,
            @DefaultValue("true") boolean shared) {
    }

    /** Whether insight cards may be posted: Aircall on and its credentials set (messages need not be on). */
    public boolean postsInsightCards() {
        return enabled && insightCards.enabled() && apiId != null && !apiId.isBlank() && apiToken != null && !apiToken.isBlank();
    }

    /**
     * Insight cards (decision 0304): posted while the phone rings, dropped {@code maxAge} after the
     * call started; {@code requestTimeout} is short for the same reason; dates on the card in {@code zone}.
     */
    public record InsightCards(
            @DefaultValue("true") boolean enabled,
            @NotNull @DefaultValue("30s") Duration maxAge,
            @NotNull @DefaultValue("5s") Duration requestTimeout,
            @NotNull @DefaultValue("Europe/Paris") java.time.ZoneId zone) {
    }

    /**
     * Durable retries: at most {@code maxAttempts}, {@code delayUnit × (attempt + 1)} apart; a message
     * that failed only because Aircall was unavailable (5xx, unreachable) is not failed before
     * {@code giveUpAfter} after it was received, whatever its attempts (decision 0303).
     */
    public record Retry(
            @Min(1) @DefaultValue("10") int maxAttempts,
            @NotNull @DefaultValue("60m") Duration delayUnit,
            @NotNull @DefaultValue("4h") Duration giveUpAfter) {
    }
}
