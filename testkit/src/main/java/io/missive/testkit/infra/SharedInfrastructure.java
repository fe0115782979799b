package io.missive.testkit.infra;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one broker and database of a test JVM: started on first use, shared by every test class
 * (each in its own namespace), stopped when the JVM exits. Testcontainers when Docker answers,
 * the embedded flavour otherwise; {@code -Dmissive.testkit=embedded|containers} forces one.
 */
public final class SharedInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(SharedInfrastructure.class);
    private static @Nullable Infrastructure instance;

    private SharedInfrastructure() {
    }

    public static synchronized Infrastructure get() {
        if (instance == null) {
            long started = System.nanoTime();
            var wanted = System.getProperty("missive.testkit", "auto");
            boolean containers = switch (wanted) {
                case "containers" -> true;
                case "embedded" -> false;
                default -> ContainerInfrastructure.dockerAnswers();
            };
            Infrastructure started_ = containers ? ContainerInfrastructure.start() : EmbeddedInfrastructure.start();
            instance = started_;
            double seconds = (System.nanoTime() - started) / 1e9;
            var line = "testkit: Kafka and PostgreSQL (%s) started in %.1f s; Kafka at %s".formatted(
                    started_.kind(), seconds, started_.kafkaBootstrapServers());
            log.info(line);
            System.out.println(line);
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(started_::close));
        }
        return instance;
    }
}
