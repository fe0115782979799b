package io.missive.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * The devstack's infrastructure: Kafka as its own process ({@link KafkaProcess}) and PostgreSQL
 * from zonky's binaries, both on fixed ports with their data in the work folder, so either can be
 * restarted under running services (the fault suite does).
 */
public final class LocalInfrastructure implements AutoCloseable {

    private final StackConfig config;
    private final KafkaProcess kafka;
    private EmbeddedPostgres postgres;

    private LocalInfrastructure(StackConfig config, KafkaProcess kafka, EmbeddedPostgres postgres) {
        this.config = config;
        this.kafka = kafka;
        this.postgres = postgres;
    }

    public static LocalInfrastructure start(StackConfig config) {
        if (!config.keepData()) {
            deleteRecursively(config.workDirectory().resolve("kafka"));
            deleteRecursively(config.workDirectory().resolve("postgres"));
        }
        // PostgreSQL starts while the broker does: each waits for its own process, so together they take the longer one.
        var postgres = CompletableFuture.supplyAsync(() -> startPostgres(config), Thread::startVirtualThread);
        KafkaProcess kafka;
        try {
            kafka = KafkaProcess.start(config.workDirectory().resolve("kafka"), config.kafkaPort(),
                    config.kafkaControllerPort(), Duration.ofSeconds(60));
        } catch (RuntimeException e) {
            postgres.thenAccept(LocalInfrastructure::closeQuietly);
            throw e;
        }
        try {
            return new LocalInfrastructure(config, kafka, postgres.join());
        } catch (CompletionException e) {
            kafka.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            // already failing: the broker's error is the one to report
        }
    }

    private static EmbeddedPostgres startPostgres(StackConfig config) {
        try {
            return EmbeddedPostgres.builder()
                    .setPort(config.postgresPort())
                    .setDataDirectory(config.workDirectory().resolve("postgres").toAbsolutePath())
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("synchronous_commit", "off")
                    // the benchmark reads which statements took the database's time
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + config.postgresPort(), e);
        }
    }

    /** Stops and starts the broker on the same port and data: producers and consumers reconnect. */
    public void restartKafka() {
        kafka.restart(Duration.ofSeconds(90));
    }

    /** Stops and starts PostgreSQL on the same port and data: connection pools reconnect. */
    public synchronized void restartPostgres() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postgres = startPostgres(config);
    }

    public long kafkaPid() {
        return kafka.pid();
    }

    /** The postmaster's pid, from the first line of {@code postmaster.pid}; 0 when it is not running. */
    public long postgresPid() {
        try {
            var lines = Files.readAllLines(config.workDirectory().resolve("postgres").resolve("postmaster.pid"));
            return lines.isEmpty() ? 0 : Long.parseLong(lines.getFirst().trim());
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + config.postgresPort() + "/" + database;
    }

    public String jdbcUsername() {
        return "postgres";
    }

    public String jdbcPassword() {
        return "postgres";
    }

    /** Creates the database if it does not exist (the name is the devstack's own, never user input). */
    public synchronized void createDatabase(String database) {
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (var rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (var create = connection.createStatement()) {
                create.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
    }

    public String kind() {
        return "local processes";
    }

    @Override
    public void close() {
        kafka.close();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + path, e);
        }
    }
}
