package io.missive.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.schemas.spring.BatchListenerCustomizer;
import io.missive.schemas.spring.EventPublisher;
import io.missive.schemas.spring.MissiveKafkaAutoConfiguration;
import io.missive.schemas.spring.OutagePolicy;
import io.missive.schemas.spring.TopicNames;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.test.util.ReflectionTestUtils;

/** The shared Kafka configuration beside Spring Boot's own: one of each piece, ours where it matters. */
class MissiveKafkaAutoConfigurationUnitTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MissiveKafkaAutoConfiguration.class, KafkaAutoConfiguration.class))
            .withPropertyValues("spring.application.name=probe", "missive.topics.prefix=t1.", "spring.kafka.admin.auto-create=false");

    @Test
    void startsBesideBootsKafkaConfigurationWithOneOfEachPiece() {
        context.run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started).hasSingleBean(ProducerListener.class);
            assertThat(started).hasSingleBean(DefaultErrorHandler.class);
            assertThat(started).hasSingleBean(EventPublisher.class);
            assertThat(started).hasSingleBean(DeadLetterPublishingRecoverer.class);
            assertThat(started.getBean(MissiveKafkaAutoConfiguration.BATCH_LISTENER_FACTORY,
                    ConcurrentKafkaListenerContainerFactory.class).isBatchListener()).isTrue();
            assertThat(started.getBean(TopicNames.class).prefix()).isEqualTo("t1.");
            @SuppressWarnings("unchecked")
            var topics = (java.util.Collection<org.apache.kafka.clients.admin.NewTopic>)
                    ReflectionTestUtils.invokeMethod(started.getBean(KafkaAdmin.NewTopics.class), "getNewTopics");
            assertThat(topics).anySatisfy(topic -> assertThat(topic.name()).isEqualTo("t1.missive.sms.status.DLT"));
        });
    }

    @Test
    void failedSendsAreLoggedWithoutTheRecordWhichMayHoldAPhoneNumber() {
        context.run(started -> {
            var listener = started.getBean(ProducerListener.class);
            assertThat(listener).isInstanceOf(LoggingProducerListener.class);
            assertThat(ReflectionTestUtils.getField(listener, "includeContents")).isEqualTo(false);
        });
    }

    @Test
    void aServiceSizesTheSharedBatchFactoryWithoutBuildingItsOwn() {
        context.withBean(BatchListenerCustomizer.class, () -> factory -> factory.setConcurrency(3)).run(started -> {
            var factory = started.getBean(MissiveKafkaAutoConfiguration.BATCH_LISTENER_FACTORY, ConcurrentKafkaListenerContainerFactory.class);
            assertThat(factory.isBatchListener()).isTrue();
            assertThat(ReflectionTestUtils.getField(factory, "concurrency")).isEqualTo(3);
        });
    }

    @Test
    void theOutageCapsAreConfigurable() {
        context.withPropertyValues("missive.outage.first-pause=1s", "missive.outage.max-pause=20s", "missive.outage.give-up-after=2m")
                .run(started -> assertThat(started.getBean(OutagePolicy.class))
                        .isEqualTo(new OutagePolicy(Duration.ofSeconds(1), Duration.ofSeconds(20), Duration.ofMinutes(2))));
        context.run(started -> assertThat(started.getBean(OutagePolicy.class)).isEqualTo(OutagePolicy.defaults()));
    }
}
