package io.missive.schemas.spring;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Every service reads the broker's security settings from the same variables: {@code KAFKA_SECURITY_PROTOCOL}
 * ({@code SASL_PLAINTEXT}, {@code SASL_SSL}…), {@code KAFKA_SASL_MECHANISM} ({@code SCRAM-SHA-512}),
 * {@code KAFKA_SASL_JAAS_CONFIG} (Strimzi puts it in the KafkaUser's secret), {@code KAFKA_SSL_TRUSTSTORE_*}.
 * Mapped onto Spring Boot's {@code spring.kafka.*} with the lowest precedence, and only when set: the
 * devstack and tests keep plaintext.
 */
public final class KafkaSecurityEnvironment implements EnvironmentPostProcessor {

    static final Map<String, String> VARIABLES = Map.of(
            "KAFKA_SECURITY_PROTOCOL", "spring.kafka.security.protocol",
            "KAFKA_SASL_MECHANISM", "spring.kafka.properties.sasl.mechanism",
            "KAFKA_SASL_JAAS_CONFIG", "spring.kafka.properties.sasl.jaas.config",
            "KAFKA_SSL_TRUSTSTORE_LOCATION", "spring.kafka.ssl.trust-store-location",
            "KAFKA_SSL_TRUSTSTORE_PASSWORD", "spring.kafka.ssl.trust-store-password",
            "KAFKA_SSL_TRUSTSTORE_TYPE", "spring.kafka.ssl.trust-store-type");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var mapped = new LinkedHashMap<String, Object>();
        VARIABLES.forEach((variable, property) -> {
            var value = environment.getProperty(variable);
            if (value != null && !value.isBlank()) {
                mapped.put(property, value);
            }
        });
        if (!mapped.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource("missive-kafka-security", mapped));
        }
    }
}
