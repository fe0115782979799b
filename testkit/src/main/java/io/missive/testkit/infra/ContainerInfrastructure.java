package io.missive.testkit.infra;

import org.postgresql.ds.PGSimpleDataSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The same infrastructure on Testcontainers, for machines where a Docker engine answers. */
public final class ContainerInfrastructure implements Infrastructure {

    private final KafkaContainer kafka;
    private final PostgreSQLContainer postgres;

    private ContainerInfrastructure(KafkaContainer kafka, PostgreSQLContainer postgres) {
        this.kafka = kafka;
        this.postgres = postgres;
    }

    public static boolean dockerAnswers() {
        boolean configured = System.getenv("DOCKER_HOST") != null
                || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))
                || java.nio.file.Files.exists(java.nio.file.Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
        if (!configured) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    public static ContainerInfrastructure start() {
        var kafka = new KafkaContainer("apache/kafka:4.2.0");
        var postgres = new PostgreSQLContainer("postgres:17.6")
                .withUsername("postgres").withPassword("postgres").withDatabaseName("postgres");
        kafka.start();
        postgres.start();
        return new ContainerInfrastructure(kafka, postgres);
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/" + database;
    }

    @Override
    public String jdbcUsername() {
        return postgres.getUsername();
    }

    @Override
    public String jdbcPassword() {
        return postgres.getPassword();
    }

    @Override
    public void createDatabase(String database) {
        var admin = new PGSimpleDataSource();
        admin.setUrl(jdbcUrl("postgres"));
        admin.setUser(jdbcUsername());
        admin.setPassword(jdbcPassword());
        Databases.create(admin, database);
    }

    @Override
    public String kind() {
        return "containers";
    }

    @Override
    public void close() {
        kafka.stop();
        postgres.stop();
    }
}
