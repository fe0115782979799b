package io.missive.gateway.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.missive.gateway.erasure.GatewayErasure;
import io.missive.gateway.erasure.kafka.ErasureListener;
import io.missive.schemas.optouts.kafka.KafkaOptOutSet;
import io.missive.schemas.retention.RetentionProperties;
import io.missive.schemas.retention.RetentionPurge;
import io.missive.schemas.retention.RetentionSchedule;
import io.missive.schemas.spring.EventPublisher;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

/** A parent's erasure at the gateway, and the link table's retention purge. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionProperties.class)
class ErasureConfiguration {

    @Bean
    ErasureListener erasureListener(JdbcClient jdbc, KafkaOptOutSet optOuts, EventPublisher publisher,
                                    KafkaTemplate<Object, Object> template, Clock clock) {
        return new ErasureListener(jdbc, optOuts, publisher, template, clock);
    }

    @Bean
    RetentionPurge retentionPurge(JdbcTemplate jdbc, RetentionProperties policy, MeterRegistry meters, Clock clock) {
        return new RetentionPurge(jdbc, GatewayErasure.retention(policy), clock, policy.batchSize(), policy.pause(), meters,
                GatewayErasure.SERVICE);
    }

    @Bean(destroyMethod = "close")
    RetentionSchedule retentionSchedule(RetentionPurge purge, RetentionProperties policy) {
        return RetentionSchedule.of(purge, policy);
    }
}
