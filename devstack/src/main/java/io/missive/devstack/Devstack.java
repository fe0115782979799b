package io.missive.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./missive up | demo}: the whole system on the embedded defaults, each service in its own
 * JVM, until Ctrl-C.
 */
public final class Devstack {

    private Devstack() {
    }

    public static void main(String[] args) throws InterruptedException {
        var command = args.length > 0 ? args[0] : "up";
        var root = Path.of(System.getProperty("missive.root", ".")).toAbsolutePath().normalize();
        switch (command) {
            case "up", "demo" -> run(root, command.equals("demo"), parents(args));
            default -> {
                System.err.println("devstack: unknown command '" + command + "' (up, demo)");
                System.exit(2);
            }
        }
    }

    private static int parents(String[] args) {
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals("--parents")) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return 1000;
    }

    private static void run(Path root, boolean demo, int parents) throws InterruptedException {
        long started = System.nanoTime();
        var config = StackConfig.defaults(root);
        System.out.println("devstack: starting Kafka, PostgreSQL, the simulators and five services (logs in "
                + root.relativize(config.logs().toAbsolutePath()) + ")…");
        var stack = Stack.start(config, Duration.ofSeconds(90));
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            System.out.println("\ndevstack: stopping…");
            stack.close();
            System.out.println("devstack: stopped.");
            stopped.countDown();
        }));
        double seconds = (System.nanoTime() - started) / 1e9;
        var generated = DemoDirectory.generate(parents);
        generated.importInto(stack.url("scheduler-service"));
        generated.publish(stack.infrastructure().kafkaBootstrapServers(), config.topicPrefix());
        var directory = generated.summary();
        printWhereEverythingListens(stack, seconds, directory);
        if (demo) {
            new Demo(stack, directory).run();
        }
        System.out.println("devstack: Ctrl-C stops everything.");
        stopped.await();
    }

    static void printWhereEverythingListens(Stack stack, double seconds, DemoDirectory.Summary directory) {
        var config = stack.config();
        System.out.printf("%n  %-20s %s%n", "Kafka (KRaft)", stack.infrastructure().kafkaBootstrapServers());
        System.out.printf("  %-20s %s%n", "PostgreSQL", stack.infrastructure().jdbcUrl("missive"));
        for (var service : stack.services()) {
            System.out.printf("  %-20s %s   (pid %d, log %s)%n", service.name(), service.baseUrl(), service.pid(),
                    config.root().relativize(service.logFile().toAbsolutePath()));
        }
        System.out.printf("  %-20s %s%n", "SpotHit simulator", stack.simulators().spotHitUrl());
        System.out.printf("  %-20s %s%n", "Aircall simulator", stack.simulators().aircallUrl());
        System.out.printf("%n  demo directory: %d parents, %d children, %d groups (%d active), %d supporters%n",
                directory.parents(), directory.children(), directory.groups(), directory.activeGroups(), directory.supporters());
        System.out.printf("%ndevstack: up in %.1f s%n", seconds);
    }
}
