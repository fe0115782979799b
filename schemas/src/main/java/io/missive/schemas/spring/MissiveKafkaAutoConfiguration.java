package io.missive.schemas.spring;

import io.missive.schemas.audit.AuditTrail;
import io.missive.schemas.audit.kafka.KafkaAuditTrail;
import io.missive.schemas.serde.EventDeserializer;
import io.missive.schemas.serde.EventSerializer;
import io.missive.schemas.topics.Topic;
import io.missive.schemas.topics.TopicRetention;
import io.missive.schemas.topics.Topics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The one Kafka configuration of every Missive service: the event serde, idempotent {@code acks=all}
 * producers, consumers that turn bad bytes into dead letters, the {@code <topic>.DLT} recoverer and
 * the catalog's topics. Spring Boot's own Kafka properties ({@code spring.kafka.*}) still apply.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties({MissiveTopicsProperties.class, OutagePolicy.class})
public class MissiveKafkaAutoConfiguration {

    /** The name of the shared batch listener factory, for {@code @KafkaListener(containerFactory = …)}. */
    public static final String BATCH_LISTENER_FACTORY = "batchListenerFactory";
    /** The factory of a listener that reads a topic it does not own (every service's erasure listener on missive.commands). */
    public static final String SIDE_READER_FACTORY = "sideReaderListenerFactory";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MissiveKafkaAutoConfiguration.class);

    @Bean
    TopicNames topicNames(MissiveTopicsProperties properties) {
        return new TopicNames(properties.prefix());
    }

    @Bean
    DefaultKafkaProducerFactoryCustomizer missiveProducerFactoryCustomizer() {
        return factory -> {
            factory.updateConfigs(Map.of(
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.LINGER_MS_CONFIG, 5,
                    ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"));
            castFactory(factory).setKeySerializer(keys());
            castFactory(factory).setValueSerializer(eventsOrRawBytes());
        };
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer missiveConsumerFactoryCustomizer(
            KafkaProperties kafka, TopicNames names,
            @Value("${spring.application.name:missive}") String applicationName) {
        return factory -> {
            var configs = new LinkedHashMap<String, Object>();
            configs.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            configs.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            if (kafka.getConsumer().getGroupId() == null) {
                configs.put(ConsumerConfig.GROUP_ID_CONFIG, names.prefix() + applicationName);
            }
            factory.updateConfigs(configs);
            castConsumerFactory(factory).setKeyDeserializer(new ErrorHandlingDeserializer<Object>(asObjects(new StringDeserializer())));
            castConsumerFactory(factory).setValueDeserializer(new ErrorHandlingDeserializer<Object>(asObjects(new EventDeserializer())));
        };
    }

    /** The dead-letter destination of every record: {@code <topic>.DLT}, with the error headers. */
    @Bean
    @ConditionalOnMissingBean
    DeadLetterPublishingRecoverer missiveDeadLetters(KafkaTemplate<Object, Object> template) {
        return new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, -1));
    }

    /**
     * Malformed records (and records a listener keeps failing on) go to the dead letters; the consumer
     * goes on. Deserialization failures are not retried. A failure of the infrastructure itself
     * (database or broker briefly away) is waited out by the {@link OutagePolicy} instead (five minutes
     * by default), so that a restart never sends good records to the dead letters.
     */
    @Bean
    @ConditionalOnMissingBean
    DefaultErrorHandler missiveErrorHandler(DeadLetterPublishingRecoverer deadLetters, OutagePolicy outages) {
        var handler = new DefaultErrorHandler(deadLetters, new FixedBackOff(200L, 2L));
        handler.setBackOffFunction((record, failure) -> TransientFailures.isTransient(failure) ? outages.backOff() : null);
        return handler;
    }

    /**
     * The one batch listener container factory ({@value #BATCH_LISTENER_FACTORY}): Boot's settings, the
     * shared serde and error handler, then each {@link BatchListenerCustomizer} of the service
     * (concurrency, fetch sizes).
     */
    @Bean(BATCH_LISTENER_FACTORY)
    @ConditionalOnMissingBean(name = BATCH_LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> batchListenerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory,
            ObjectProvider<BatchListenerCustomizer> customizers) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        configurer.configure(factory, consumerFactory);
        factory.setBatchListener(true);
        customizers.orderedStream().forEach(customizer -> customizer.customize(factory));
        return factory;
    }

    /**
     * For a listener that reads a topic another service owns ({@value #SIDE_READER_FACTORY}): a malformed record is
     * the owner's to dead-letter, so here it is logged and skipped (otherwise every reader would add its own copy to
     * the DLT); any other failure is retried (the outage policy, then every ten seconds) and never skipped, since what
     * such a listener does (an erasure) must not be lost.
     */
    @Bean(SIDE_READER_FACTORY)
    @ConditionalOnMissingBean(name = SIDE_READER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> sideReaderListenerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumerFactory,
            OutagePolicy outages) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        configurer.configure(factory, consumerFactory);
        var handler = new DefaultErrorHandler((record, failure) -> LOG.warn(
                "event=side_reader_skipped topic={} partition={} offset={} error={}", record.topic(), record.partition(),
                record.offset(), failure.toString()), new FixedBackOff(10_000L, FixedBackOff.UNLIMITED_ATTEMPTS));
        handler.setBackOffFunction((record, failure) -> TransientFailures.isTransient(failure) ? outages.backOff() : null);
        factory.setCommonErrorHandler(handler);
        return factory;
    }

    /** Failed sends are logged without the record: an event may hold a phone number. */
    @Bean
    @ConditionalOnMissingBean(ProducerListener.class)
    ProducerListener<Object, Object> missiveProducerListener() {
        var listener = new LoggingProducerListener<Object, Object>();
        listener.setIncludeContents(false);
        return listener;
    }

    @Bean
    KafkaAdmin.NewTopics missiveTopics(MissiveTopicsProperties properties, TopicNames names) {
        var topics = new ArrayList<NewTopic>();
        for (Topic topic : Topics.ALL) {
            int partitions = properties.partitions() != null ? properties.partitions() : topic.partitions();
            short replicas = properties.replicationFactor();
            var main = new NewTopic(names.of(topic), partitions, replicas);
            main.configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, topic.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE,
                    TopicConfig.RETENTION_MS_CONFIG, Long.toString(TopicRetention.retentionMs(topic)),
                    TopicConfig.DELETE_RETENTION_MS_CONFIG, Long.toString(TopicRetention.deleteRetentionMs(topic))));
            topics.add(main);
            topics.add(new NewTopic(names.deadLetterOf(topic), 1, replicas)
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(TopicRetention.deadLetterRetentionMs()))));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    @Bean
    @ConditionalOnMissingBean
    EventPublisher eventPublisher(KafkaTemplate<Object, Object> template, TopicNames names) {
        return new EventPublisher(template, names);
    }

    /** The one audit trail of every service: {@code missive.audit}, acknowledged before the audited act goes on. */
    @Bean
    @ConditionalOnMissingBean
    AuditTrail auditTrail(EventPublisher publisher, @Value("${spring.application.name:missive}") String applicationName) {
        return new KafkaAuditTrail(publisher, applicationName, java.time.Clock.systemUTC(), java.time.Duration.ofSeconds(10));
    }

    /** Events through the Avro serde; raw bytes as they are (dead letters of undecodable records). */
    static Serializer<Object> eventsOrRawBytes() {
        Map<Class<?>, Serializer<?>> delegates = new LinkedHashMap<>();
        delegates.put(byte[].class, new ByteArraySerializer());
        delegates.put(SpecificRecord.class, new EventSerializer());
        delegates.put(String.class, new StringSerializer());
        return new DelegatingByTypeSerializer(delegates, true);
    }

    @SuppressWarnings("unchecked")
    private static Serializer<Object> keys() {
        return (Serializer<Object>) (Serializer<?>) new StringSerializer();
    }

    @SuppressWarnings("unchecked")
    private static org.apache.kafka.common.serialization.Deserializer<Object> asObjects(
            org.apache.kafka.common.serialization.Deserializer<?> deserializer) {
        return (org.apache.kafka.common.serialization.Deserializer<Object>) deserializer;
    }

    @SuppressWarnings("unchecked")
    private static org.springframework.kafka.core.DefaultKafkaProducerFactory<Object, Object> castFactory(
            org.springframework.kafka.core.DefaultKafkaProducerFactory<?, ?> factory) {
        return (org.springframework.kafka.core.DefaultKafkaProducerFactory<Object, Object>) factory;
    }

    @SuppressWarnings("unchecked")
    private static org.springframework.kafka.core.DefaultKafkaConsumerFactory<Object, Object> castConsumerFactory(
            org.springframework.kafka.core.DefaultKafkaConsumerFactory<?, ?> factory) {
        return (org.springframework.kafka.core.DefaultKafkaConsumerFactory<Object, Object>) factory;
    }
}
