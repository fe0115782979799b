package io.missive.tracker.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.missive.schemas.spring.BatchListenerCustomizer;
import io.missive.schemas.spring.OutagePolicy;
import io.missive.tracker.directory.jdbc.JdbcParentContacts;
import io.missive.tracker.directory.kafka.DirectoryListener;
import io.missive.tracker.projection.kafka.EventBatchListener;
import io.missive.tracker.projection.jdbc.JdbcEventProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the projection (batch listener → one transaction per batch → metrics after commit) and the directory's parents. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class TrackerConfiguration implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(TrackerConfiguration.class);

    private final TrackerProperties properties;
    private final TrackerMetrics metrics;
    private final JdbcEventProjection projection;

    TrackerConfiguration(TrackerProperties properties, MeterRegistry registry, JdbcTemplate jdbc,
                         TransactionTemplate transactions) {
        this.properties = properties;
        this.metrics = new TrackerMetrics(registry, jdbc);
        this.projection = new JdbcEventProjection(jdbc, transactions);
    }

    @Bean
    TrackerMetrics trackerMetrics() {
        return metrics;
    }

    @Bean
    JdbcEventProjection eventProjection() {
        return projection;
    }

    @Bean
    JdbcParentContacts parentContacts(JdbcTemplate jdbc, TransactionTemplate transactions) {
        return new JdbcParentContacts(jdbc, transactions);
    }

    /** The directory's parents, so that replies and calls are tied to the parents whose phone they came from. */
    @Bean
    DirectoryListener directoryListener(JdbcParentContacts contacts, DeadLetterPublishingRecoverer deadLetters,
                                        OutagePolicy outages) {
        return new DirectoryListener(contacts, deadLetters, outages.within(properties.outageTolerance()));
    }

    /** The shared batch listener factory, with as many consumers as configured. */
    @Bean
    BatchListenerCustomizer projectionConsumers() {
        return factory -> factory.setConcurrency(properties.consumers());
    }

    @Bean
    EventBatchListener eventBatchListener(JdbcEventProjection projection, DeadLetterPublishingRecoverer deadLetters,
                                          OutagePolicy outages) {
        return new EventBatchListener(projection, deadLetters, metrics, outages.within(properties.outageTolerance()));
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(metrics::refreshMessageCounts, properties.gaugeRefresh());
        tasks.addFixedDelayTask(this::reconcileUnknownOutcomes, properties.reconciliation().interval());
    }

    private void reconcileUnknownOutcomes() {
        var settings = properties.reconciliation();
        try {
            var outcome = projection.reconcileUnknownOutcomes(settings.window(), settings.grace(), settings.page());
            metrics.reconciled(outcome);
        } catch (RuntimeException e) {
            // The database may be away (a restart): the next round tries again.
            log.warn("event=reconciliation_failed cause={}", e.toString());
        }
    }
}
