package io.missive.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

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
            case "up", "demo" -> run(root, command.equals("demo"), parents(args, 1000));
            case "faults" -> faults(root, parents(args, 150_000));
            case "bench" -> {
                var only = option(args, "--only");
                // The purge step's campaign: about 30,000 recipients, long enough for a p99, shorter than the purge.
                bench(root, parents(args, "purge".equals(only) ? 44_000 : 1_000_000), channel(args), only);
            }
            default -> {
                System.err.println("devstack: unknown command '" + command + "' (up, demo, bench, faults)");
                System.exit(2);
            }
        }
    }

    private static int parents(String[] args, int fallback) {
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals("--parents")) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    private static @Nullable String option(String[] args, String name) {
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }

    /** {@code --channel sms|rcs} (default sms): the benchmark's campaign as SMS, or as RCS basic. */
    private static String channel(String[] args) {
        for (int i = 1; i < args.length - 1; i++) {
            if (args[i].equals("--channel")) {
                var channel = args[i + 1].toLowerCase(java.util.Locale.ROOT);
                if (!channel.equals("sms") && !channel.equals("rcs")) {
                    throw new IllegalArgumentException("--channel must be sms or rcs, was " + args[i + 1]);
                }
                return channel;
            }
        }
        return "sms";
    }

    /**
     * {@code ./missive bench [--parents N] [--channel sms|rcs] [--only guard|purge|pages]}: the end-to-end benchmark; writes
     * bench/results/bench.{md,json,png}. {@code --only guard} runs the send guard's step alone and writes guard.md;
     * {@code --only purge} the retention purge's cost to a running campaign (44,000 parents unless told), purge.md;
     * {@code --only pages} the campaign, then the console's pages timed, pages.md.
     */
    private static void bench(Path root, int parents, String channel, @Nullable String only) {
        if (only != null && !only.equals("guard") && !only.equals("purge") && !only.equals("pages")) {
            throw new IllegalArgumentException("--only takes 'guard', 'purge' or 'pages', was " + only);
        }
        var config = StackConfig.ephemeral(root, root.resolve(".devstack/bench"))
                .withAircallRateLimit(30, Duration.ofSeconds(1))
                .withOptimisingCompiler()
                .withEnvironment(java.util.Map.of("MISSIVE_RCS_MODE", channel.equals("rcs") ? "short-as-basic" : "off"))
                .withEnvironment(java.util.Map.of("SPOT_HIT_BATCH_SIZE", "1000", "SPOT_HIT_MAX_CALLS_PER_SECOND", "50",
                        // Aircall's one-minute window allows a 1 s clock margin; scaled to a 1 s window, so is the margin.
                        "AIRCALL_RATE_LIMIT_CLOCK_MARGIN", "20ms"));
        System.out.println("bench: starting a stack of its own (free ports, throw-away data)…");
        // Five JVMs compiling with C2 at once: on a shared two-core machine, three minutes were not always enough.
        try (var stack = Stack.start(config, Duration.ofMinutes(10))) {
            var results = root.resolve("bench/results");
            var benchmark = new io.missive.devstack.bench.Benchmark(stack, parents, channel, line -> System.out.println("bench: " + line));
            if ("purge".equals(only)) {
                var report = new io.missive.devstack.bench.PurgeBenchmark(stack, parents, line -> System.out.println("bench: " + line))
                        .run(results);
                System.out.println("\n" + report.markdown());
                System.out.println("bench: report written to bench/results/purge.md");
                return;
            }
            if ("pages".equals(only)) {
                System.out.println("\nbench: " + StackHttp.JSON.writeValueAsString(benchmark.runPagesOnly(results)));
                System.out.println("bench: report written to bench/results/pages.md");
                return;
            }
            if (only != null) {
                System.out.println("\nbench: " + StackHttp.JSON.writeValueAsString(benchmark.runGuardOnly(results)));
                System.out.println("bench: report written to bench/results/guard.md");
                return;
            }
            var report = benchmark.run(results);
            System.out.println("\nbench: " + StackHttp.JSON.writeValueAsString(report.headline()));
            System.out.println("bench: report written to bench/results/bench.md, bench.json and bench-campaign.png");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code ./missive faults [--parents N]}: the full fault suite on its own stack; writes bench/results/faults.md. */
    private static void faults(Path root, int parents) {
        var config = StackConfig.ephemeral(root, root.resolve(".devstack/faults")).withEnvironment(FaultSuite.stackEnvironment());
        System.out.println("faults: starting a stack of its own (free ports, throw-away data)…");
        try (var stack = Stack.start(config, Duration.ofMinutes(3))) {
            var report = new FaultSuite(stack, parents, line -> System.out.println("faults: " + line)).run();
            System.out.println(report.table());
            var results = root.resolve("bench/results");
            java.nio.file.Files.createDirectories(results);
            java.nio.file.Files.writeString(results.resolve("faults.md"), "# Fault suite, " + java.time.LocalDate.now()
                    + " — " + parents + " parents\n\n```" + report.table() + "```\n");
            System.out.println("faults: report written to bench/results/faults.md");
            if (!report.passed()) {
                System.exit(1);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void run(Path root, boolean demo, int parents) throws InterruptedException {
        long started = System.nanoTime();
        var defaults = StackConfig.defaults(root);
        // The demo keeps quiet hours (its live campaigns say urgent) so that it can show one moved by them.
        var config = demo ? defaults.withEnvironment(Map.of("MISSIVE_SENDINGWINDOW_ENABLED", "true")) : defaults;
        System.out.println("devstack: starting Kafka, PostgreSQL, the simulators, the console and five services (logs in "
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
        generated.importInto(stack);
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
        System.out.printf("%n  console sign-in: %s/login as %s; the password, and the devstack's API key (client id %s,%n"
                + "  every scope: curl -u %s:<secret> -d grant_type=client_credentials %s/oauth2/token) are in %s%n",
                stack.url("console"), stack.access().adminEmail(), ConsoleAccess.CLIENT_ID, ConsoleAccess.CLIENT_ID,
                stack.url("console"), config.root().relativize(stack.access().credentialsFile().toAbsolutePath()));
        System.out.printf("%n  demo directory: %d parents, %d children, %d groups (%d active), %d supporters%n",
                directory.parents(), directory.children(), directory.groups(), directory.activeGroups(), directory.supporters());
        var startUp = stack.startUpSeconds();
        System.out.printf("%n  start-up: infrastructure %.1f s, then the services together; healthy after:%s%n",
                startUp.getOrDefault(Stack.INFRASTRUCTURE, 0.0), stack.services().stream()
                        .map(service -> " %s %.1f s".formatted(service.name(), startUp.getOrDefault(service.name(), 0.0)))
                        .collect(java.util.stream.Collectors.joining(",")));
        System.out.printf("%ndevstack: up in %.1f s%n", seconds);
    }
}
