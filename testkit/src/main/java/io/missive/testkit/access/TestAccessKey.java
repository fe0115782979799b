package io.missive.testkit.access;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes every Spring application started in a test JVM (a {@code @SpringBootTest} or one built by
 * hand) trust {@link AccessTokens#testKey()}: as if {@code MISSIVE_JWT_PUBLIC_KEY} were set, with
 * the lowest precedence, so a real environment variable or a test's own property still wins. The
 * testkit is a test dependency, so this never reaches a service's jar.
 */
public final class TestAccessKey implements EnvironmentPostProcessor {

    public static final String VARIABLE = "MISSIVE_JWT_PUBLIC_KEY";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("missive-test-access-key",
                Map.of(VARIABLE, AccessTokens.testKey().publicKeyPem())));
    }
}
