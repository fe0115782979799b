package io.missive.schemas.spring;

import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

/** What a service changes on the shared batch listener factory: its concurrency, its fetch sizes. */
@FunctionalInterface
public interface BatchListenerCustomizer {

    void customize(ConcurrentKafkaListenerContainerFactory<Object, Object> factory);
}
