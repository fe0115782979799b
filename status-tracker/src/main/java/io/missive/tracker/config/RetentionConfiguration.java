package io.missive.tracker.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.missive.schemas.retention.RetentionProperties;
import io.missive.schemas.retention.RetentionPurge;
import io.missive.schemas.retention.RetentionSchedule;
import io.missive.schemas.spring.EventPublisher;
import io.missive.tracker.erasure.ErasureStore;
import io.missive.tracker.erasure.jdbc.JdbcErasures;
import io.missive.tracker.erasure.kafka.ErasureListener;
import io.missive.tracker.retention.TrackerRetention;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Erasure (missive.commands → Events store → missive.erasures) and the retention purge of the tracker's tables. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionProperties.class)
class RetentionConfiguration {

    @Bean
    JdbcErasures erasureStore(JdbcTemplate jdbc, TransactionTemplate transactions) {
        return new JdbcErasures(jdbc, transactions);
    }

    @Bean
    ErasureListener erasureListener(ErasureStore store, EventPublisher publisher, ObjectProvider<Clock> clock) {
        return new ErasureListener(store, publisher, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    RetentionPurge retentionPurge(JdbcTemplate jdbc, RetentionProperties policy, MeterRegistry meters, ObjectProvider<Clock> clock) {
        return new RetentionPurge(jdbc, TrackerRetention.rules(policy), clock.getIfAvailable(Clock::systemUTC),
                policy.batchSize(), policy.pause(), meters, ErasureListener.SERVICE);
    }

    @Bean(destroyMethod = "close")
    RetentionSchedule retentionSchedule(RetentionPurge purge, RetentionProperties policy) {
        return RetentionSchedule.of(purge, policy);
    }
}
