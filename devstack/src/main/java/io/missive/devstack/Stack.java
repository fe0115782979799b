package io.missive.devstack;

import io.missive.schemas.topics.TopicAdmin;
import io.missive.simulators.DevSecrets;
import io.missive.simulators.ProviderSimulators;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * The whole system on one machine: a real Kafka broker (KRaft, its own process), PostgreSQL, the
 * provider simulators, and the five services each in its own JVM. {@link #close()} stops the
 * services gracefully, then the simulators, then the infrastructure.
 */
public final class Stack implements AutoCloseable {

    private static final DevSecrets SECRETS = DevSecrets.defaults();

    private final StackConfig config;
    private final LocalInfrastructure infrastructure;
    private final ProviderSimulators simulators;
    private final ConsoleAccess access;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final List<ServiceProcess> replicas = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
    private final Thread closeOnExit = Thread.ofPlatform().unstarted(this::close);
    private final Map<String, Double> startUpSeconds = new java.util.concurrent.ConcurrentSkipListMap<>();

    private Stack(StackConfig config, LocalInfrastructure infrastructure, ProviderSimulators simulators) {
        this.config = config;
        this.infrastructure = infrastructure;
        this.simulators = simulators;
        this.access = ConsoleAccess.prepare(config.workDirectory());
        for (var name : StackConfig.SERVICES) {
            services.put(name, new ServiceProcess(name, config.jar(name), config.port(name), environment(name), config.logs(),
                    config.optimisingCompiler()));
        }
    }

    /** Starts everything and waits until every service reports healthy. */
    public static Stack start(StackConfig config, Duration healthTimeout) {
        long begun = System.nanoTime();
        var infrastructure = LocalInfrastructure.start(config);
        @Nullable Stack stack = null;
        try {
            infrastructure.createDatabase("missive");
            TopicAdmin.createCatalogTopics(infrastructure.kafkaBootstrapServers(), config.topicPrefix(), 6);
            var simulators = ProviderSimulators.start(config.spotHitSimulatorPort(), config.aircallSimulatorPort(),
                    "http://localhost:" + config.port("webhook-gateway"), SECRETS,
                    config.aircallRequestsPerWindow(), config.aircallWindow());
            stack = new Stack(config, infrastructure, simulators);
            stack.startUpSeconds.put(INFRASTRUCTURE, secondsSince(begun));
            // A launcher ended by a signal must not leave service JVMs or the broker behind.
            Runtime.getRuntime().addShutdownHook(stack.closeOnExit);
            stack.startServices(healthTimeout);
            return stack;
        } catch (RuntimeException e) {
            if (stack != null) {
                stack.close();
            } else {
                infrastructure.close();
            }
            throw e;
        }
    }

    /** The key of {@link #startUpSeconds()} for the broker, PostgreSQL, the topics and the simulators together. */
    public static final String INFRASTRUCTURE = "infrastructure";

    /**
     * How long the stack took to start: the infrastructure from the launcher's call, then each service from the
     * moment all of them were launched to its first healthy answer (polled every 250 ms), by name.
     */
    public Map<String, Double> startUpSeconds() {
        return Map.copyOf(startUpSeconds);
    }

    private static double secondsSince(long nanos) {
        return Math.round((System.nanoTime() - nanos) / 1e7) / 100.0;
    }

    /**
     * Every service at once: none needs another to start (they are given the console's public key, not fetched from
     * it), and on two cores six JVMs starting together finish sooner than the console alone and then five.
     */
    private void startServices(Duration healthTimeout) {
        long begun = System.nanoTime();
        services.values().forEach(ServiceProcess::start);
        var failures = new ArrayList<String>();
        try (var waiting = Executors.newVirtualThreadPerTaskExecutor()) {
            var checks = services.values().stream()
                    .map(service -> waiting.submit(() -> {
                        service.awaitHealthy(healthTimeout);
                        startUpSeconds.put(service.name(), secondsSince(begun));
                    }))
                    .toList();
            for (var check : checks) {
                try {
                    check.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(e.getCause().getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failures.add("interrupted");
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("the stack did not come up: " + String.join("; ", failures));
        }
    }

    /**
     * Stops one service and starts it again with {@code overrides} on top of its usual environment (an empty map
     * restores it), then waits until it is healthy: the benchmark runs the scheduler once with the send guard off.
     */
    public void restart(String name, Map<String, String> overrides, Duration healthTimeout) {
        var env = environment(name);
        env.putAll(overrides);
        var restarted = new ServiceProcess(name, config.jar(name), config.port(name), env, config.logs(),
                config.optimisingCompiler());
        service(name).stop(Duration.ofSeconds(30));
        services.put(name, restarted);
        restarted.start();
        restarted.awaitHealthy(healthTimeout);
    }

    /**
     * Starts one more instance of a service, as a second replica would run: the same jar and
     * environment, its own free port and log ({@code <name>-<n>.log}). Stopped with the stack.
     */
    public ServiceProcess startReplica(String name, Duration healthTimeout) {
        service(name);
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("no free port for a replica of " + name, e);
        }
        var replica = new ServiceProcess(name + "-" + (replicas.size() + 2), config.jar(name), port, environment(name),
                config.logs(), config.optimisingCompiler());
        replicas.add(replica);
        replica.start();
        replica.awaitHealthy(healthTimeout);
        return replica;
    }

    /**
     * The environment a service gets: infrastructure, simulators as providers, development secrets,
     * the console's public key and issuer (the console: its signing key, first admin and the devstack's client).
     */
    Map<String, String> environment(String service) {
        var env = new LinkedHashMap<String, String>();
        if (service.equals("console")) {
            // The console writes the audit trail (API key changes) and nothing else on Kafka.
            env.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
            env.put("MISSIVE_TOPICS_PREFIX", config.topicPrefix());
            env.put("JDBC_URL", infrastructure.jdbcUrl("missive"));
            env.put("JDBC_USERNAME", infrastructure.jdbcUsername());
            env.put("JDBC_PASSWORD", infrastructure.jdbcPassword());
            env.putAll(access.consoleEnvironment(url("console")));
            // The pages call the services' APIs (issue 21), with tokens the console signs itself.
            env.put("MISSIVE_SCHEDULER_URL", url("scheduler-service"));
            env.put("MISSIVE_TRACKER_URL", url("status-tracker"));
            env.put("MISSIVE_GATEWAY_URL", url("webhook-gateway"));
            env.putAll(config.environmentOverrides());
            return env;
        }
        env.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
        env.put("JDBC_URL", infrastructure.jdbcUrl("missive"));
        env.put("JDBC_USERNAME", infrastructure.jdbcUsername());
        env.put("JDBC_PASSWORD", infrastructure.jdbcPassword());
        env.put("MISSIVE_TOPICS_PREFIX", config.topicPrefix());
        env.put("MISSIVE_JWT_PUBLIC_KEY", access.publicKeyPem());
        // Only the console's own tokens: one signed with its key for another issuer is refused (decision 0020).
        env.put("MISSIVE_JWT_ISSUER", url("console"));
        env.put("PUBLIC_BASE_URL", gatewayUrl());
        env.put("SPOT_HIT_API_KEY", SECRETS.spotHitApiKey());
        env.put("SPOT_HIT_BASE_URL", "http://localhost:" + config.spotHitSimulatorPort());
        // The simulator is the provider here, so every demo parent may be "sent" to.
        env.put("SPOT_HIT_SAFEGUARD", "false");
        // Short text goes as RCS basic, as the programme sends it; the simulator has an agent for it (decision 0206).
        env.put("SPOT_HIT_AGENT_ID", "missive-devstack-agent");
        env.put("MISSIVE_RCS_MODE", "short-as-basic");
        // The simulator serves the sample attachment on this machine over http: the local stack's own host (decision 0207).
        env.put("MISSIVE_ATTACHMENT_LOCAL_HOSTS", "localhost");
        env.put("AIRCALL_ENABLED", "true");
        env.put("AIRCALL_MESSAGE_ENABLED", "true");
        env.put("AIRCALL_API_ID", SECRETS.aircallApiId());
        env.put("AIRCALL_API_TOKEN", SECRETS.aircallApiToken());
        env.put("AIRCALL_BASE_URL", "http://localhost:" + config.aircallSimulatorPort());
        env.put("AIRCALL_WEBHOOK_MESSAGE_TOKEN", SECRETS.aircallMessageToken());
        env.put("AIRCALL_WEBHOOK_CALL_TOKEN", SECRETS.aircallCallToken());
        env.put("AIRCALL_WEBHOOK_EVENT_MESSAGE_STATUS_UPDATED_TOKEN", SECRETS.aircallStatusToken());
        env.put("AIRCALL_WEBHOOK_INSIGHT_CARDS_TOKEN", SECRETS.aircallInsightCardsToken());
        env.put("SPOT_HIT_CALLBACK_SECRET", SECRETS.spotHitCallbackSecret());
        // The local stack's tests, benchmark and fault suite run at any hour: no quiet hours unless overridden.
        env.put("MISSIVE_SENDINGWINDOW_ENABLED", "false");
        env.putAll(config.environmentOverrides());
        return env;
    }

    /**
     * An access token carrying every scope, for the devstack's tools (demo, fault suite, benchmark,
     * tests): the devstack's API client's, from the console by client credentials.
     */
    public String accessToken() {
        return access.accessToken(url("console"));
    }

    /** The console's signing key, first admin and the devstack's API client. */
    public ConsoleAccess access() {
        return access;
    }

    public DevSecrets secrets() {
        return SECRETS;
    }

    public String url(String service) {
        return "http://localhost:" + config.port(service);
    }

    public String gatewayUrl() {
        return url("webhook-gateway");
    }

    /** A SpotHit callback URL as SpotHit is given it: the gateway's path with the callback secret. */
    public String spotHitCallbackUrl(String path) {
        return gatewayUrl() + path + "?secret="
                + java.net.URLEncoder.encode(SECRETS.spotHitCallbackSecret(), java.nio.charset.StandardCharsets.UTF_8);
    }

    public ServiceProcess service(String name) {
        var service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("no such service: " + name);
        }
        return service;
    }

    public List<ServiceProcess> services() {
        return List.copyOf(services.values());
    }

    public ProviderSimulators simulators() {
        return simulators;
    }

    public LocalInfrastructure infrastructure() {
        return infrastructure;
    }

    public StackConfig config() {
        return config;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            // Another thread (the exit hook, say) is closing: return when it is done.
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        if (Thread.currentThread() != closeOnExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(closeOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook is running or about to
            }
        }
        try (var stopping = Executors.newVirtualThreadPerTaskExecutor()) {
            services.values().forEach(service -> stopping.submit(() -> service.stop(Duration.ofSeconds(20))));
            replicas.forEach(replica -> stopping.submit(() -> replica.stop(Duration.ofSeconds(20))));
        }
        try {
            simulators.close();
            infrastructure.close();
        } finally {
            stopped.countDown();
        }
    }
}
