package io.missive.schemas.spring;

import io.missive.schemas.optouts.kafka.KafkaOptOutSet;
import io.missive.schemas.phones.PhoneNumbers;
import io.missive.schemas.topics.Topics;
import java.time.Duration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/** Builds a service's opt-out set from its Kafka settings, so both dispatchers keep it the same way. */
public final class OptOutSets {

    /** How long a dispatch waits for the set to finish its first read before the poll is retried. */
    public static final Duration LOAD_TIMEOUT = Duration.ofSeconds(30);

    private OptOutSets() {
    }

    /** Started; close it with the context ({@code destroyMethod = "close"}). Phones are compared after the one normaliser. */
    public static KafkaOptOutSet started(KafkaProperties kafka, TopicNames names) {
        return new KafkaOptOutSet(kafka.buildConsumerProperties(), names.of(Topics.OPTOUTS),
                phone -> PhoneNumbers.toE164(phone).orElse(phone.strip()), LOAD_TIMEOUT).start();
    }
}
