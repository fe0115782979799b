package io.missive.aircall.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.missive.aircall.erasure.LedgerErasure;
import io.missive.aircall.erasure.jdbc.JdbcLedgerErasure;
import io.missive.aircall.erasure.kafka.ErasureListener;
import io.missive.schemas.retention.RetentionProperties;
import io.missive.schemas.retention.RetentionPurge;
import io.missive.schemas.retention.RetentionSchedule;
import io.missive.schemas.spring.EventPublisher;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** A parent's erasure in the ledger, and the ledger's retention purge. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionProperties.class)
class ErasureConfiguration {

    @Bean
    ErasureListener erasureListener(JdbcTemplate jdbc, TransactionTemplate tx, EventPublisher publisher, Clock clock) {
        return new ErasureListener(new JdbcLedgerErasure(jdbc, tx), publisher, clock);
    }

    @Bean
    RetentionPurge retentionPurge(JdbcTemplate jdbc, RetentionProperties policy, MeterRegistry meters, Clock clock) {
        return new RetentionPurge(jdbc, LedgerErasure.retention(policy), clock, policy.batchSize(), policy.pause(), meters,
                LedgerErasure.SERVICE);
    }

    @Bean(destroyMethod = "close")
    RetentionSchedule retentionSchedule(RetentionPurge purge, RetentionProperties policy) {
        return RetentionSchedule.of(purge, policy);
    }
}
