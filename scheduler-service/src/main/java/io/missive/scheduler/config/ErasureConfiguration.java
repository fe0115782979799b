package io.missive.scheduler.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.missive.schemas.retention.RetentionProperties;
import io.missive.schemas.retention.RetentionPurge;
import io.missive.schemas.retention.RetentionSchedule;
import io.missive.schemas.spring.EventPublisher;
import io.missive.scheduler.erasure.ParentErasures;
import io.missive.scheduler.erasure.jdbc.JdbcErasures;
import io.missive.scheduler.erasure.kafka.ErasureListener;
import io.missive.scheduler.erasure.kafka.KafkaErasureOutbox;
import io.missive.scheduler.retention.SchedulerRetention;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** A parent's erasure and the retention purge of the scheduler's tables. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionProperties.class)
class ErasureConfiguration {

    @Bean
    ParentErasures parentErasures(JdbcTemplate jdbc, TransactionTemplate tx, EventPublisher publisher,
                                  KafkaTemplate<Object, Object> template, Clock clock) {
        return new ParentErasures(new JdbcErasures(jdbc, tx), new KafkaErasureOutbox(publisher, template, clock), clock);
    }

    @Bean
    ErasureListener erasureListener(ParentErasures erasures) {
        return new ErasureListener(erasures);
    }

    @Bean
    RetentionPurge retentionPurge(JdbcTemplate jdbc, RetentionProperties policy, MeterRegistry meters, Clock clock) {
        return new RetentionPurge(jdbc, SchedulerRetention.rules(policy), clock, policy.batchSize(), policy.pause(), meters,
                ParentErasures.SERVICE);
    }

    @Bean(destroyMethod = "close")
    RetentionSchedule retentionSchedule(RetentionPurge purge, RetentionProperties policy) {
        return RetentionSchedule.of(purge, policy);
    }
}
