package io.missive.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the local stack listens and keeps its files. {@link #defaults} uses DESIGN.md's ports (each
 * overridable with an environment variable); {@link #ephemeral} takes free ports, for tests.
 */
public record StackConfig(
        Path root,
        Path workDirectory,
        int kafkaPort,
        int kafkaControllerPort,
        int postgresPort,
        boolean keepData,
        Map<String, Integer> servicePorts,
        int spotHitSimulatorPort,
        int aircallSimulatorPort,
        String topicPrefix,
        Map<String, String> environmentOverrides,
        int aircallRequestsPerWindow,
        java.time.Duration aircallWindow,
        boolean optimisingCompiler) {

    /** The services, the console first in every listing (it issues the tokens); all six start at once (Stack). */
    public static final String[] SERVICES = {
            "console", "status-tracker", "webhook-gateway", "spothit-dispatcher", "aircall-dispatcher", "scheduler-service"};

    public StackConfig {
        servicePorts = Map.copyOf(servicePorts);
        environmentOverrides = Map.copyOf(environmentOverrides);
    }

    /** The same stack with extra or replaced environment variables for every service. */
    public StackConfig withEnvironment(Map<String, String> overrides) {
        var merged = new LinkedHashMap<>(environmentOverrides);
        merged.putAll(overrides);
        return new StackConfig(root, workDirectory, kafkaPort, kafkaControllerPort, postgresPort, keepData, servicePorts, spotHitSimulatorPort,
                aircallSimulatorPort, topicPrefix, merged, aircallRequestsPerWindow, aircallWindow, optimisingCompiler);
    }

    /**
     * The Aircall rate limit, the same for the simulator and the dispatcher (Aircall's is 60 a
     * minute per company; a benchmark scales it to seconds).
     */
    public StackConfig withAircallRateLimit(int requests, java.time.Duration window) {
        var limited = withEnvironment(Map.of("AIRCALL_RATE_LIMIT_REQUESTS", Integer.toString(requests),
                "AIRCALL_RATE_LIMIT_WINDOW", window.toMillis() + "ms"));
        return new StackConfig(root, workDirectory, kafkaPort, kafkaControllerPort, postgresPort, keepData, servicePorts,
                spotHitSimulatorPort, aircallSimulatorPort, topicPrefix, limited.environmentOverrides(), requests, window, optimisingCompiler);
    }

    /**
     * The same stack with the services' optimising (C2) compiler on. By default the services run on
     * the quick (C1) compiler alone, which starts them sooner on a small machine; a long, CPU-bound
     * run like the benchmark spends less CPU per message once C2 has compiled the hot paths.
     */
    public StackConfig withOptimisingCompiler() {
        return new StackConfig(root, workDirectory, kafkaPort, kafkaControllerPort, postgresPort, keepData, servicePorts,
                spotHitSimulatorPort, aircallSimulatorPort, topicPrefix, environmentOverrides, aircallRequestsPerWindow,
                aircallWindow, true);
    }

    public static StackConfig defaults(Path root) {
        var ports = new LinkedHashMap<String, Integer>();
        ports.put("scheduler-service", envPort("SCHEDULER_PORT", 8081));
        ports.put("spothit-dispatcher", envPort("SPOTHIT_DISPATCHER_PORT", 8082));
        ports.put("aircall-dispatcher", envPort("AIRCALL_DISPATCHER_PORT", 8083));
        ports.put("webhook-gateway", envPort("WEBHOOK_GATEWAY_PORT", 8084));
        ports.put("status-tracker", envPort("STATUS_TRACKER_PORT", 8085));
        ports.put("console", envPort("CONSOLE_PORT", 8086));
        var work = Path.of(System.getProperty("missive.workdir", root.resolve(".devstack").toString()));
        return new StackConfig(root, work, envPort("DEVSTACK_KAFKA_PORT", 9092),
                envPort("DEVSTACK_KAFKA_CONTROLLER_PORT", 9093), envPort("DEVSTACK_POSTGRES_PORT", 5432), true, ports,
                envPort("SPOTHIT_SIMULATOR_PORT", 8091), envPort("AIRCALL_SIMULATOR_PORT", 8092), "", Map.of(),
                60, java.time.Duration.ofMinutes(1), false);
    }

    /** Free ports everywhere and throw-away data: for tests that run the whole stack. */
    public static StackConfig ephemeral(Path root, Path workDirectory) {
        var ports = new LinkedHashMap<String, Integer>();
        for (var service : SERVICES) {
            ports.put(service, freePort());
        }
        return new StackConfig(root, workDirectory, freePort(), freePort(), freePort(), false, ports, freePort(), freePort(), "", Map.of(), 60, java.time.Duration.ofMinutes(1), false);
    }

    public int port(String service) {
        var port = servicePorts.get(service);
        if (port == null) {
            throw new IllegalArgumentException("no such service: " + service);
        }
        return port;
    }

    public Path jar(String service) {
        return root.resolve(service).resolve("target").resolve(service + ".jar");
    }

    public Path logs() {
        return workDirectory.resolve("logs");
    }

    private static int envPort(String variable, int fallback) {
        var value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a port number, was '" + value + "'", e);
        }
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
