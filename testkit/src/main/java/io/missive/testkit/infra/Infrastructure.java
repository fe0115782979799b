package io.missive.testkit.infra;

/** A running Kafka broker and PostgreSQL server that tests (or the devstack) can use. */
public interface Infrastructure extends AutoCloseable {

    String kafkaBootstrapServers();

    /** JDBC URL of a database on the server (created with {@link #createDatabase} first). */
    String jdbcUrl(String database);

    String jdbcUsername();

    String jdbcPassword();

    /** Creates the database if it does not exist. */
    void createDatabase(String database);

    /** Which flavour runs: "embedded" (in this JVM) or "containers" (Testcontainers). */
    String kind();

    @Override
    void close();
}
