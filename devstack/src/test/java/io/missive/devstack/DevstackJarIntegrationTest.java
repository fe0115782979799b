package io.missive.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The devstack jar (and so the launcher) carries what runs, not what tests: no JUnit, Testcontainers,
 * ArchUnit or other test library got in through a test-support module. An integration test only
 * because it reads the packaged jar, which exists after {@code package}; it starts nothing.
 */
class DevstackJarIntegrationTest {

    private static final Path JAR = Path.of("target", "devstack.jar");

    @Test
    void theJarHoldsNoTestLibrary() throws IOException {
        assertThat(JAR).as("run after package").exists();
        List<String> libraries;
        try (var jar = new ZipFile(JAR.toFile())) {
            libraries = Collections.list(jar.entries()).stream()
                    .map(entry -> entry.getName())
                    .filter(name -> name.startsWith("BOOT-INF/lib/"))
                    .map(name -> name.substring("BOOT-INF/lib/".length()))
                    .toList();
        }

        assertThat(libraries).as("the launcher's own libraries").isNotEmpty()
                .anyMatch(name -> name.startsWith("simulators-"))
                .anyMatch(name -> name.startsWith("kafka_2.13-"));
        assertThat(libraries).as("test libraries in the devstack jar")
                .noneMatch(name -> name.startsWith("junit-") || name.startsWith("testcontainers")
                        || name.startsWith("archunit") || name.startsWith("mockito") || name.startsWith("assertj")
                        || name.startsWith("spring-test-") || name.startsWith("spring-boot-test")
                        || name.startsWith("spring-kafka-test") || name.startsWith("testkit-")
                        || name.startsWith("awaitility") || name.contains("-test.jar"));
        assertThat(Files.size(JAR)).isPositive();
    }
}
