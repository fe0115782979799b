package io.missive.aircall.config;

import io.missive.aircall.dispatch.Admission;
import io.missive.aircall.dispatch.Announcer;
import io.missive.aircall.dispatch.CredentialsRateLimiter;
import io.missive.aircall.dispatch.DispatchLedger;
import io.missive.aircall.dispatch.DispatchLoop;
import io.missive.aircall.dispatch.DispatchMetrics;
import io.missive.aircall.dispatch.DispatchState;
import io.missive.aircall.dispatch.Dispatcher;
import io.missive.aircall.dispatch.PriorityCalls;
import io.missive.aircall.dispatch.RateLimit;
import io.missive.aircall.dispatch.RetryPolicy;
import io.missive.aircall.dispatch.TokenBucketRateLimit;
import io.missive.aircall.dispatch.SendOutcome;
import io.missive.aircall.dispatch.SendSmsPort;
import io.missive.aircall.dispatch.http.AircallClient;
import io.missive.aircall.dispatch.jdbc.JdbcDispatchLedger;
import io.missive.aircall.dispatch.jdbc.JdbcRateLimitHolds;
import io.missive.aircall.dispatch.kafka.KafkaStatusPublisher;
import io.missive.aircall.dispatch.kafka.MessageRequestedListener;
import io.missive.schemas.logging.Masking;
import io.missive.schemas.optouts.kafka.KafkaOptOutSet;
import io.missive.schemas.erasure.JdbcErasedPhones;
import io.missive.schemas.spring.EventPublisher;
import io.missive.schemas.spring.OptOutSets;
import io.missive.schemas.spring.OutagePolicy;
import io.missive.schemas.spring.TopicNames;
import io.missive.schemas.window.SendingWindow;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Wires the dispatch core to PostgreSQL, Aircall's HTTP API and Kafka. */
@Configuration(proxyBeanMethods = false)
class DispatchConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DispatchConfiguration.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    DispatchLedger dispatchLedger(JdbcClient jdbc) {
        return new JdbcDispatchLedger(jdbc);
    }

    @Bean
    SendSmsPort aircallGateway(AircallProperties properties, JsonMapper json, Clock clock) {
        if (!properties.sending()) {
            // Nothing is admitted when sending is off, so this is never called.
            return (numberId, to, body) -> new SendOutcome.Rejected("AIRCALL_DISABLED", null);
        }
        log.info("event=aircall.configured baseUrl={} apiId={} apiToken={} rateLimit={}/{} safeguard={}",
                properties.baseUrl(), Masking.secret(properties.apiId()), Masking.secret(properties.apiToken()),
                properties.rateLimit().requests(), properties.rateLimit().window(), properties.safeguard());
        return new AircallClient(properties.baseUrl(), properties.apiId(), properties.apiToken(),
                properties.connectTimeout(), properties.requestTimeout(), json, clock);
    }

    @Bean
    DispatchMetrics dispatchMetrics(MeterRegistry registry, DispatchLedger ledger) {
        for (var state : DispatchState.values()) {
            // Read at scrape time; the ledger's states are few and indexed.
            Gauge.builder("missive.aircall.dispatch.messages", ledger, l -> l.countByState().getOrDefault(state, 0L))
                    .description("Messages in the Aircall dispatch ledger, by state")
                    .tag("state", state.name().toLowerCase(java.util.Locale.ROOT))
                    .register(registry);
        }
        return outcome -> registry.counter("missive.aircall.dispatch.outcomes", "outcome", outcome).increment();
    }

    /** Kept from the compacted missive.optouts topic, asked just before each Aircall call. */
    @Bean(destroyMethod = "close")
    KafkaOptOutSet optOutSet(KafkaProperties kafka, TopicNames names) {
        return OptOutSets.started(kafka, names);
    }

    @Bean
    RateLimit aircallRateLimit(AircallProperties properties, DataSource dataSource, JdbcClient jdbc, Clock clock) {
        var rate = properties.rateLimit();
        if (!rate.shared()) {
            return new CredentialsRateLimiter(rate.requests(), rate.window(), rate.clockMargin(), clock);
        }
        // One bucket per credentials, keyed by a digest of the API id (never the secret), state in
        // aircall.rate_limit_bucket, read and written under SELECT ... FOR UPDATE by every replica.
        var credentials = "aircall:" + digest(String.valueOf(properties.apiId()));
        var buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .idColumn("credentials")
                .stateColumn("state")
                .build();
        // The window stretched by the clock margin: slots a little wider than window / limit, so
        // that requests whose arrival is delayed unevenly (scheduling, network) still cannot put
        // limit + 1 of them in one of Aircall's windows (seen once at load 45 without it).
        var window = rate.window().plus(rate.clockMargin());
        IntFunction<BucketConfiguration> configuration = limit -> TokenBucketRateLimit.configuration(limit, window);
        var bucket = buckets.builder().build(credentials, () -> configuration.apply(rate.requests()));
        return new TokenBucketRateLimit(bucket, configuration, rate.requests(), new JdbcRateLimitHolds(jdbc),
                credentials, rate.clockMargin(), clock);
    }

    private static String digest(String value) {
        try {
            var hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Bean
    Dispatcher dispatcher(DispatchLedger ledger, SendSmsPort gateway, AircallProperties properties, Clock clock,
                          DispatchMetrics metrics, KafkaOptOutSet optOuts, SendingWindow window, RateLimit limiter,
                          JdbcTemplate jdbc) {
        return new Dispatcher(ledger, gateway, limiter,
                new Admission(properties.sending(), properties.safeguard(), properties.safePhoneNumbers()),
                new RetryPolicy(properties.retry().maxAttempts(), properties.retry().delayUnit(),
                        properties.retry().giveUpAfter()),
                properties.unknownOutcome(), clock, metrics, optOuts, window, new JdbcErasedPhones(jdbc));
    }

    @Bean
    Announcer announcer(DispatchLedger ledger, EventPublisher publisher, AircallProperties properties, Clock clock) {
        return new Announcer(ledger, new KafkaStatusPublisher(publisher, clock, 30_000), properties.pollInterval());
    }

    @Bean
    DispatchLoop dispatchLoop(Dispatcher dispatcher, Announcer announcer, ObjectProvider<PriorityCalls> priorityCalls,
                              AircallProperties properties, Clock clock) {
        // A claim older than the request timeout plus a minute belongs to a process that died mid-call.
        var stuckAfter = properties.requestTimeout().plus(Duration.ofMinutes(1));
        // Insight cards when they are on (InsightCardsConfiguration), else messages only.
        var priority = priorityCalls.getIfAvailable(PriorityCalls::none);
        return new DispatchLoop(dispatcher, announcer, priority, properties.pollInterval(), stuckAfter, clock);
    }

    @Bean
    MessageRequestedListener messageRequestedListener(Dispatcher dispatcher, DispatchLoop loop, Announcer announcer,
                                                      OutagePolicy outages) {
        return new MessageRequestedListener(dispatcher, loop, announcer, outages.within(Duration.ofMinutes(1)));
    }

    @Bean
    DispatchThreads dispatchThreads(DispatchLoop loop, Announcer announcer) {
        return new DispatchThreads(loop, announcer);
    }

    /**
     * Runs the dispatch loop and the announcer on virtual threads. Stops after the Kafka listeners
     * (lower phase stops later): the call under way finishes and is settled, then what is left is
     * announced.
     */
    static final class DispatchThreads implements SmartLifecycle {

        private final DispatchLoop loop;
        private final Announcer announcer;
        private volatile Thread loopThread;
        private volatile Thread announcerThread;

        DispatchThreads(DispatchLoop loop, Announcer announcer) {
            this.loop = loop;
            this.announcer = announcer;
        }

        @Override
        public void start() {
            loopThread = Thread.ofVirtual().name("aircall-dispatch").start(loop);
            announcerThread = Thread.ofVirtual().name("aircall-announcer").start(announcer);
        }

        @Override
        public void stop() {
            loop.stop();
            join(loopThread);
            announcer.stop();
            join(announcerThread);
        }

        private static void join(Thread thread) {
            if (thread == null) {
                return;
            }
            try {
                if (!thread.join(Duration.ofSeconds(60))) {
                    log.warn("event=aircall.stop_timeout thread={}", thread.getName());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public boolean isRunning() {
            return loopThread != null && loopThread.isAlive();
        }

        @Override
        public int getPhase() {
            return Integer.MAX_VALUE - 1000;
        }
    }
}
