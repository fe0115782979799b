package io.missive.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.jspecify.annotations.Nullable;

/**
 * A real single-node KRaft Kafka broker as its own JVM ({@code kafka.Kafka}, from the Kafka jars
 * the project already has), on fixed ports and with its log kept in a folder: unlike the in-JVM
 * test broker it keeps its address across a restart, which the fault suite needs.
 */
public final class KafkaProcess implements AutoCloseable {

    private static final String BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private @Nullable Process process;

    private KafkaProcess(Path directory, int port, int controllerPort) {
        this.directory = directory;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Starts the broker (formatting its storage on first use) and waits until it answers. */
    public static KafkaProcess start(Path directory, int port, int controllerPort, Duration timeout) {
        var kafka = new KafkaProcess(directory.toAbsolutePath(), port, controllerPort);
        kafka.prepare();
        kafka.launch();
        kafka.awaitReady(timeout);
        return kafka;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    private void prepare() {
        try {
            Files.createDirectories(directory.resolve("data"));
            Files.writeString(directory.resolve("server.properties"), """
                    process.roles=broker,controller
                    node.id=1
                    controller.quorum.voters=1@localhost:%d
                    listeners=PLAINTEXT://localhost:%d,CONTROLLER://localhost:%d
                    advertised.listeners=PLAINTEXT://localhost:%d
                    controller.listener.names=CONTROLLER
                    listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
                    inter.broker.listener.name=PLAINTEXT
                    log.dirs=%s
                    num.partitions=3
                    offsets.topic.replication.factor=1
                    offsets.topic.num.partitions=6
                    transaction.state.log.replication.factor=1
                    transaction.state.log.min.isr=1
                    group.initial.rebalance.delay.ms=0
                    auto.create.topics.enable=true
                    """.formatted(controllerPort, port, controllerPort, port, directory.resolve("data")));
            if (!Files.exists(directory.resolve("data").resolve("meta.properties"))) {
                var format = run(List.of("kafka.tools.StorageTool", "format", "--ignore-formatted",
                        "-t", Uuid.randomUuid().toString(), "-c", directory.resolve("server.properties").toString()));
                if (format.waitFor(60, TimeUnit.SECONDS) && format.exitValue() != 0) {
                    throw new IllegalStateException("kafka storage format failed; see " + log());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka in " + directory, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private synchronized void launch() {
        process = run(List.of("kafka.Kafka", directory.resolve("server.properties").toString()));
    }

    /** Runs a Kafka main class in a child JVM on this JVM's classpath (or through the Boot launcher of a fat jar). */
    private Process run(List<String> mainAndArgs) {
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        if (runningFromBootJar()) {
            command.add("-Dloader.main=" + mainAndArgs.getFirst());
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), BOOT_LAUNCHER));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainAndArgs.getFirst()));
        }
        command.addAll(mainAndArgs.subList(1, mainAndArgs.size()));
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + mainAndArgs.getFirst(), e);
        }
    }

    private static boolean runningFromBootJar() {
        try {
            Class.forName(BOOT_LAUNCHER, false, KafkaProcess.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            while (System.nanoTime() < deadline) {
                var current = process;
                if (current != null && !current.isAlive()) {
                    throw new IllegalStateException("Kafka exited with " + current.exitValue() + "; see " + log());
                }
                try {
                    admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException | TimeoutException notYet) {
                    Thread.sleep(200);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("Kafka not ready on port " + port + " within " + timeout + "; see " + log());
    }

    /** Stops (SIGTERM, a controlled shutdown) and starts the broker again on the same ports and data. */
    public synchronized void restart(Duration timeout) {
        stop();
        launch();
        awaitReady(timeout);
    }

    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public long pid() {
        var current = process;
        return current == null ? -1 : current.pid();
    }

    public Path log() {
        return directory.resolve("kafka.log");
    }

    @Override
    public void close() {
        stop();
    }
}
