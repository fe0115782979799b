package io.missive.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.schemas.spring.KafkaSecurityEnvironment;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class KafkaSecurityEnvironmentUnitTest {

    @Test
    void theKafkaSecurityVariablesBecomeSpringKafkaProperties() {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("env", Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT", "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required;")));

        new KafkaSecurityEnvironment().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.kafka.security.protocol")).isEqualTo("SASL_PLAINTEXT");
        assertThat(environment.getProperty("spring.kafka.properties.sasl.mechanism")).isEqualTo("SCRAM-SHA-512");
        assertThat(environment.getProperty("spring.kafka.properties.sasl.jaas.config")).startsWith("org.apache.kafka");
    }

    @Test
    void withoutThemNothingChangesAndAnExplicitPropertyWins() {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("app", Map.of(
                "spring.kafka.security.protocol", "SSL", "KAFKA_SECURITY_PROTOCOL", "SASL_SSL")));

        new KafkaSecurityEnvironment().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.kafka.security.protocol")).isEqualTo("SSL");
        assertThat(environment.getProperty("spring.kafka.properties.sasl.mechanism")).isNull();
    }
}
