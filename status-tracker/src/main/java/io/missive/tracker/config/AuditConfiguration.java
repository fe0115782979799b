package io.missive.tracker.config;

import io.missive.schemas.spring.OutagePolicy;
import io.missive.tracker.audit.AuditLog;
import io.missive.tracker.audit.jdbc.JdbcAuditLog;
import io.missive.tracker.audit.kafka.AuditListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/** Wires the audit trail: its table, the listener that fills it from {@code missive.audit}. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    AuditLog auditLog(JdbcClient jdbc) {
        return new JdbcAuditLog(jdbc);
    }

    @Bean
    AuditListener auditListener(AuditLog log, DeadLetterPublishingRecoverer deadLetters, OutagePolicy outages,
                                TrackerProperties properties) {
        return new AuditListener(log, deadLetters, outages.within(properties.outageTolerance()));
    }
}
