package io.missive.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's main command as a user runs it (the jar that {@code ./missive up} starts once it has
 * built): it comes up, every service answers its health check, and it stops cleanly on a signal.
 */
class DevstackCommandIntegrationTest {

    @Test
    void upStartsEverythingAnswersHealthChecksAndStopsCleanly() throws Exception {
        var root = Path.of("..").toAbsolutePath().normalize();
        var ports = new LinkedHashMap<String, Integer>();
        for (var variable : List.of("SCHEDULER_PORT", "SPOTHIT_DISPATCHER_PORT", "AIRCALL_DISPATCHER_PORT", "WEBHOOK_GATEWAY_PORT",
                "STATUS_TRACKER_PORT", "CONSOLE_PORT", "DEVSTACK_KAFKA_PORT", "DEVSTACK_KAFKA_CONTROLLER_PORT", "DEVSTACK_POSTGRES_PORT",
                "SPOTHIT_SIMULATOR_PORT", "AIRCALL_SIMULATOR_PORT")) {
            ports.put(variable, StackConfig.freePort());
        }
        var command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dmissive.root=" + root, "-Dmissive.workdir=" + root.resolve("devstack/target/up"),
                "-jar", root.resolve("devstack/target/devstack.jar").toString(), "up")
                .redirectErrorStream(true);
        ports.forEach((variable, port) -> command.environment().put(variable, port.toString()));
        var process = command.start();
        var output = new ArrayList<String>();
        var up = new CompletableFuture<String>();
        var reader = Thread.ofVirtual().start(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    System.out.println("up> " + line);
                    synchronized (output) {
                        output.add(line);
                    }
                    if (line.startsWith("devstack: up in")) {
                        up.complete(line);
                    }
                }
                up.complete("exited");
            } catch (java.io.IOException e) {
                up.completeExceptionally(e);
            }
        });
        try {
            assertThat(up.get(4, TimeUnit.MINUTES)).startsWith("devstack: up in");
            try (var http = HttpClient.newHttpClient()) {
                for (var variable : List.of("SCHEDULER_PORT", "SPOTHIT_DISPATCHER_PORT", "AIRCALL_DISPATCHER_PORT",
                        "WEBHOOK_GATEWAY_PORT", "STATUS_TRACKER_PORT", "CONSOLE_PORT")) {
                    var health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + ports.get(variable)
                            + "/actuator/health")).GET().build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(health.statusCode()).as(variable).isEqualTo(200);
                    assertThat(health.body()).contains("\"UP\"");
                }
            }
            synchronized (output) {
                assertThat(String.join("\n", output)).contains("scheduler-service", "SpotHit simulator", "demo directory: 1000 parents",
                        "console sign-in", "credentials.properties");
            }
        } finally {
            // SIGTERM, as Ctrl-C's sibling; through the handle, because Process.destroy() also closes our end of its output.
            process.toHandle().destroy();
            assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("stopped within 90 s of SIGTERM").isTrue();
            reader.join(Duration.ofSeconds(10));
        }
        synchronized (output) {
            assertThat(output).contains("devstack: stopped.");
        }
        assertThat(ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(root.resolve("devstack/target/up").toString()))
                .toList()).as("processes left behind").isEmpty();
    }
}
