package io.missive.tracker.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.missive.schemas.topics.Topics;
import io.missive.tracker.projection.kafka.EventBatchListener;
import io.missive.tracker.projection.jdbc.JdbcEventProjection;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the projection: batch listener → one transaction per batch → metrics after commit. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class TrackerConfiguration implements SchedulingConfigurer {

    private final TrackerProperties properties;
    private final TrackerMetrics metrics;

    TrackerConfiguration(TrackerProperties properties, MeterRegistry registry, JdbcTemplate jdbc) {
        this.properties = properties;
        this.metrics = new TrackerMetrics(registry, jdbc);
    }

    @Bean
    TrackerMetrics trackerMetrics() {
        return metrics;
    }

    @Bean
    JdbcEventProjection eventProjection(JdbcTemplate jdbc, TransactionTemplate transactions) {
        return new JdbcEventProjection(jdbc, transactions);
    }

    /** Batch consumption; Boot's configurer keeps the shared serde and error handler. */
    @Bean
    ConcurrentKafkaListenerContainerFactory<Object, Object> projectionListenerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        configurer.configure(factory, consumerFactory);
        factory.setBatchListener(true);
        factory.setConcurrency(properties.consumers());
        return factory;
    }

    @Bean
    EventBatchListener eventBatchListener(JdbcEventProjection projection, KafkaTemplate<Object, Object> template) {
        // The same destination as the shared error handler: <topic>.DLT with the error headers.
        var deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, -1));
        return new EventBatchListener(projection, deadLetters, metrics, properties.outageTolerance());
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(metrics::refreshMessageCounts, properties.gaugeRefresh());
    }
}
