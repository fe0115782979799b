package io.missive.spothit.config;

import io.missive.spothit.dispatch.UnknownOutcomePolicy;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The dispatcher's settings, bound from the environment variables the programme's application already uses
 * ({@code SPOT_HIT_API_KEY}, {@code SPOT_HIT_AGENT_ID}, {@code SPOT_HIT_SAFEGUARD},
 * {@code SAFE_PHONE_NUMBERS}, {@code SPOT_HIT_BASE_URL}) in application.yml.
 */
@ConfigurationProperties("missive.spothit")
@Validated
public record SpotHitProperties(
        @NotBlank(message = "the SpotHit API key is missing: set SPOT_HIT_API_KEY") String apiKey,
        @NotBlank(message = "the SpotHit base URL is missing: set SPOT_HIT_BASE_URL") String baseUrl,
        @Nullable String agentId,
        boolean safeguard,
        @Nullable List<String> safePhoneNumbers,
        @NotNull @Valid Dispatch dispatch) {

    /**
     * @param batchSize         recipients per bulk call
     * @param linger            how long a poll may wait for more messages to fill a call
     * @param concurrency       consumer threads (each sends its own calls, all share the rate limit)
     * @param maxCallsPerSecond most calls to SpotHit within any second, retries included (2 at least)
     * @param maxAttempts       attempts per call, the first included
     * @param retryWait         wait before the first retry, doubled at each further one
     * @param stuckAfter        a call still unsettled after this long belonged to a dead dispatcher
     * @param outageTolerance   how long a poll is re-dispatched through a database or broker outage
     *                          before it goes to the dead-letter topic (keep under max.poll.interval.ms)
     * @param giveUpAfter       how long after its planned time a message may wait for SpotHit to be
     *                          available again before it is FAILED {@code PROVIDER_UNAVAILABLE}
     *                          ({@code MISSIVE_SPOTHIT_GIVE_UP_AFTER})
     * @param parkFirstWait     wait before retrying a parked message the first time, doubled at each park
     * @param parkMaxWait       longest wait between two attempts of a parked message
     * @param parkPollInterval  how often the retry loop looks for parked messages that are due
     */
    public record Dispatch(
            @Min(1) @Max(5000) int batchSize,
            @NotNull Duration linger,
            @Min(1) int concurrency,
            @DecimalMin("2") double maxCallsPerSecond,
            @Min(1) int maxAttempts,
            @NotNull Duration retryWait,
            @NotNull Duration connectTimeout,
            @NotNull Duration callTimeout,
            @NotNull UnknownOutcomePolicy unknownOutcome,
            @NotNull Duration stuckAfter,
            @NotNull Duration recoveryInterval,
            @NotNull Duration circuitOpenFor,
            @NotNull Duration publishTimeout,
            @NotNull Duration outageTolerance,
            @NotNull Duration giveUpAfter,
            @NotNull Duration parkFirstWait,
            @NotNull Duration parkMaxWait,
            @NotNull Duration parkPollInterval) {
    }
}
