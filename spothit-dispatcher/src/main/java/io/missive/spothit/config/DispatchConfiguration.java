package io.missive.spothit.config;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.missive.schemas.attachments.AttachmentFetcher;
import io.missive.schemas.channels.RcsMode;
import io.missive.schemas.logging.Masking;
import io.missive.schemas.optouts.kafka.KafkaOptOutSet;
import io.missive.schemas.erasure.JdbcErasedPhones;
import io.missive.schemas.spring.BatchListenerCustomizer;
import io.missive.schemas.spring.EventPublisher;
import io.missive.schemas.spring.OptOutSets;
import io.missive.schemas.spring.OutagePolicy;
import io.missive.schemas.spring.TopicNames;
import io.missive.spothit.dispatch.BulkPlanner;
import io.missive.spothit.dispatch.DispatchLedger;
import io.missive.spothit.dispatch.Dispatcher;
import io.missive.spothit.dispatch.ParkedRetry;
import io.missive.spothit.dispatch.Parking;
import io.missive.spothit.dispatch.ResilientSender;
import io.missive.spothit.dispatch.Safeguard;
import io.missive.spothit.dispatch.SendOutcome;
import io.missive.spothit.dispatch.media.MediaLibrary;
import io.missive.spothit.dispatch.media.MediaUploadPort;
import io.missive.spothit.dispatch.jdbc.JdbcMediaStore;
import io.missive.spothit.dispatch.StatusPort;
import io.missive.spothit.dispatch.StuckDispatchRecovery;
import io.missive.spothit.dispatch.http.SpotHitClient;
import io.missive.spothit.dispatch.jdbc.JdbcDispatchLedger;
import io.missive.spothit.dispatch.kafka.KafkaStatusPublisher;
import io.missive.spothit.dispatch.kafka.MessageRequestedListener;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the dispatch capability: SpotHit client, resilience, ledger, status publisher, listener. */
@Configuration(proxyBeanMethods = false)
class DispatchConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DispatchConfiguration.class);

    @Bean
    SpotHitClient spotHitClient(SpotHitProperties properties) {
        var dispatch = properties.dispatch();
        if (properties.rcsMode() != RcsMode.OFF && (properties.agentId() == null || properties.agentId().isBlank())) {
            throw new IllegalStateException("MISSIVE_RCS_MODE is " + properties.rcsMode()
                    + " but the SpotHit RCS agent is missing: set SPOT_HIT_AGENT_ID");
        }
        log.info("event=spothit.configured baseUrl={} apiKey={} expediteur={} rcsMode={} agentId={} safeguard={} safePhones={} batchSize={} maxCallsPerSecond={} unknownOutcome={}",
                properties.baseUrl(), Masking.secret(properties.apiKey()), properties.sender(), properties.rcsMode(),
                properties.agentId(), properties.safeguard(),
                safePhones(properties).size(), dispatch.batchSize(), dispatch.maxCallsPerSecond(), dispatch.unknownOutcome());
        return new SpotHitClient(properties.baseUrl(), properties.apiKey(), properties.sender(), properties.agentId(),
                dispatch.connectTimeout(), dispatch.callTimeout());
    }

    /**
     * One permit per cycle, a cycle being 1/(rate − 1) second. A permit may be used anywhere in its
     * cycle, so a one-second window can overlap ⌈1 s / cycle⌉ + 1 cycles: with this cycle that is
     * at most {@code rate} calls in any second, retries included (the sustained pace is rate − 1).
     */
    @Bean
    RateLimiter spotHitRateLimiter(SpotHitProperties properties) {
        var period = Duration.ofNanos((long) Math.ceil(1_000_000_000d / (properties.dispatch().maxCallsPerSecond() - 1)));
        return RateLimiter.of("spothit", RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(period)
                .timeoutDuration(Duration.ofMinutes(2))
                .build());
    }

    /**
     * Opens when half of the last 20 calls (10 at least) failed for a transient reason: an outage, not a blip. It
     * half-opens by itself once the wait is over: while it is open the dispatcher parks messages without asking it
     * for a permission (see {@code ResilientSender.reserve}), so nothing else would move it on.
     */
    @Bean
    CircuitBreaker spotHitCircuitBreaker(SpotHitProperties properties) {
        return CircuitBreaker.of("spothit", CircuitBreakerConfig.custom()
                .slidingWindowSize(20)
                .minimumNumberOfCalls(10)
                .failureRateThreshold(50)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .waitDurationInOpenState(properties.dispatch().circuitOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
    }

    @Bean
    ResilientSender resilientSender(SpotHitClient client, RateLimiter rateLimiter, CircuitBreaker circuitBreaker,
                                    SpotHitProperties properties) {
        var dispatch = properties.dispatch();
        return new ResilientSender(client, rateLimiter, circuitBreaker, dispatch.maxAttempts(), dispatch.retryWait(),
                dispatch.unknownOutcome());
    }

    @Bean
    JdbcDispatchLedger dispatchLedger(JdbcClient jdbc) {
        return new JdbcDispatchLedger(jdbc);
    }

    @Bean
    KafkaStatusPublisher statusPublisher(EventPublisher publisher, SpotHitProperties properties) {
        return new KafkaStatusPublisher(publisher, properties.dispatch().publishTimeout());
    }

    @Bean
    Safeguard safeguard(SpotHitProperties properties) {
        return Safeguard.of(properties.safeguard(), safePhones(properties));
    }

    /** Kept from the compacted missive.optouts topic, asked just before each SpotHit call. */
    @Bean(destroyMethod = "close")
    KafkaOptOutSet optOutSet(KafkaProperties kafka, TopicNames names) {
        return OptOutSets.started(kafka, names);
    }

    @Bean
    DispatchMetrics dispatchMetrics(MeterRegistry meters) {
        return new DispatchMetrics(meters);
    }

    /**
     * Attachments fetched under the shared policy ({@code MISSIVE_ATTACHMENT_*}), uploaded through the same rate limit
     * as the sends (an upload is one more SpotHit request), their ids kept by content.
     */
    @Bean
    MediaLibrary mediaLibrary(AttachmentFetcher fetcher, JdbcClient jdbc, TransactionTemplate tx, SpotHitClient client,
                              RateLimiter rateLimiter) {
        log.info("event=spothit.attachments hosts={} localHosts={} maxBytes={}", fetcher.policy().hosts(),
                fetcher.policy().localHosts(), fetcher.policy().maxBytes());
        MediaUploadPort limited = file -> {
            try {
                return RateLimiter.decorateSupplier(rateLimiter, () -> client.upload(file)).get();
            } catch (RequestNotPermitted throttled) {
                return new SendOutcome.Unavailable("SPOTHIT_UNAVAILABLE: no rate-limit permit in time for the media upload");
            }
        };
        return new MediaLibrary(fetcher::fetch, new JdbcMediaStore(jdbc, tx), limited);
    }

    @Bean
    Dispatcher dispatcher(DispatchLedger ledger, ResilientSender sender, StatusPort status, SpotHitProperties properties,
                          Safeguard safeguard, DispatchMetrics metrics, KafkaOptOutSet optOuts, MediaLibrary media, JdbcTemplate jdbc) {
        var dispatch = properties.dispatch();
        log.info("event=spothit.parking firstWait={} maxWait={} giveUpAfter={}",
                dispatch.parkFirstWait(), dispatch.parkMaxWait(), dispatch.giveUpAfter());
        return new Dispatcher(ledger, sender, status, new BulkPlanner(dispatch.batchSize(), properties.rcsMode()),
                safeguard, metrics, new Parking(dispatch.parkFirstWait(), dispatch.parkMaxWait(), dispatch.giveUpAfter()), optOuts,
                media, new JdbcErasedPhones(jdbc));
    }

    @Bean
    ParkedRetry parkedRetry(DispatchLedger ledger, Dispatcher dispatcher, SpotHitProperties properties) {
        return new ParkedRetry(ledger, dispatcher, properties.dispatch().batchSize() * 2);
    }

    @Bean
    ParkedRetrySchedule parkedRetrySchedule(ParkedRetry retry, DispatchMetrics metrics, SpotHitProperties properties) {
        return new ParkedRetrySchedule(retry, metrics, properties.dispatch().parkPollInterval());
    }

    @Bean
    StuckDispatchRecovery stuckDispatchRecovery(DispatchLedger ledger, StatusPort status, SpotHitProperties properties) {
        return new StuckDispatchRecovery(ledger, status, properties.dispatch().stuckAfter());
    }

    @Bean
    RecoverySchedule recoverySchedule(StuckDispatchRecovery recovery, SpotHitProperties properties) {
        return new RecoverySchedule(recovery, properties.dispatch().recoveryInterval());
    }

    @Bean
    MessageRequestedListener messageRequestedListener(Dispatcher dispatcher, SpotHitProperties properties, OutagePolicy outages) {
        return new MessageRequestedListener(dispatcher, outages.within(properties.dispatch().outageTolerance()));
    }

    /**
     * The shared batch listener factory, sized for SpotHit calls. The linger is the broker's fetch
     * wait: a poll returns when it has about a call's worth of records, or when the linger is over.
     */
    @Bean
    BatchListenerCustomizer spotHitBatches(SpotHitProperties properties) {
        var dispatch = properties.dispatch();
        return factory -> {
            factory.setConcurrency(dispatch.concurrency());
            var consumer = new Properties();
            consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(dispatch.batchSize() * 2));
            consumer.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, String.valueOf(dispatch.batchSize() * 200));
            consumer.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, String.valueOf(dispatch.linger().toMillis()));
            factory.getContainerProperties().setKafkaConsumerProperties(consumer);
        };
    }

    private static List<String> safePhones(SpotHitProperties properties) {
        return Objects.requireNonNullElse(properties.safePhoneNumbers(), List.<String>of());
    }
}
