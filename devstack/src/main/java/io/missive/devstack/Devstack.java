package io.missive.devstack;

import io.missive.testkit.infra.EmbeddedInfrastructure;
import io.missive.testkit.kafka.TopicAdmin;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./missive up}: the whole system on the embedded defaults. This first version starts the
 * real Kafka broker and PostgreSQL and creates the catalog's topics; the services join it with the
 * devstack issue.
 */
public final class Devstack {

    private Devstack() {
    }

    public static void main(String[] args) throws InterruptedException {
        var command = args.length > 0 ? args[0] : "up";
        if (!command.equals("up")) {
            System.err.println("devstack: '" + command + "' is not there yet; only 'up' is.");
            System.exit(2);
        }
        long started = System.nanoTime();
        var infrastructure = EmbeddedInfrastructure.start(9092, 5432, Path.of(".devstack", "postgres").toAbsolutePath());
        infrastructure.createDatabase("missive");
        TopicAdmin.createCatalogTopics(infrastructure.kafkaBootstrapServers(), "", 3);
        System.out.printf("devstack: Kafka at %s, PostgreSQL at %s (data in .devstack/postgres), up in %.1f s%n",
                infrastructure.kafkaBootstrapServers(), infrastructure.jdbcUrl("missive"), (System.nanoTime() - started) / 1e9);
        System.out.println("devstack: the five services are not started by this version yet. Ctrl-C stops.");
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            infrastructure.close();
            stopped.countDown();
        }));
        stopped.await();
    }
}
