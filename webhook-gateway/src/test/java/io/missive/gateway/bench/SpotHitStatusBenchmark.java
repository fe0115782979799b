package io.missive.gateway.bench;

import io.missive.gateway.WebhookGatewayApplication;
import io.missive.testkit.RealInfrastructureExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Throughput and latency of {@code GET /spot_hit/status} with its 2xx-after-ack (every 200 waited for
 * the broker's {@code acks=all}), on loopback against the real in-JVM broker and database. A program
 * that prints figures, not a test: nothing is asserted about speed.
 *
 * <pre>./missive mvn -q -pl webhook-gateway test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.missive.gateway.bench.SpotHitStatusBenchmark [-Dbench.requests=20000 -Dbench.concurrency=32]</pre>
 */
public final class SpotHitStatusBenchmark {

    private SpotHitStatusBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int requests = Integer.getInteger("bench.requests", 20_000);
        int concurrency = Integer.getInteger("bench.concurrency", 32);
        int warmup = Math.min(requests / 5, 3_000);

        var namespace = RealInfrastructureExtension.namespaceOf(SpotHitStatusBenchmark.class);
        var properties = new HashMap<String, Object>(namespace.springProperties());
        properties.put("missive.gateway.aircall.message-token", "bench");
        properties.put("missive.gateway.aircall.call-token", "bench");
        properties.put("missive.gateway.aircall.event-message-status-updated-token", "bench");
        // one INFO line per callback would measure the console, not the gateway
        properties.put("logging.level.io.missive.gateway", "WARN");
        properties.put("logging.level.org.apache.kafka", "WARN");

        // as command-line arguments: they outrank application.yml, default properties do not
        var arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        int exitCode = 1;
        try (var app = new SpringApplicationBuilder(WebhookGatewayApplication.class).run(arguments);
             var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            run(client, port, warmup, concurrency, "warmup");
            var latencies = run(client, port, requests, concurrency, "measure");
            report(latencies.nanos(), latencies.elapsedNanos(), requests, concurrency, latencies.failures());
            exitCode = 0;
        } finally {
            // the in-JVM broker and database keep non-daemon threads
            System.exit(exitCode);
        }
    }

    private record Run(long[] nanos, long elapsedNanos, int failures) {
    }

    private static Run run(HttpClient client, int port, int requests, int concurrency, String phase) throws Exception {
        var nanos = new long[requests];
        var next = new AtomicInteger();
        var failures = new AtomicInteger();
        long started = System.nanoTime();
        try (var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int w = 0; w < concurrency; w++) {
                workers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        var uri = URI.create("http://127.0.0.1:" + port + "/spot_hit/status?id_message=" + phase + (i % 500)
                                + "&statut=" + (i % 6) + "&numero=06" + String.format("%08d", i) + "&secret=" + io.missive.gateway.GatewayHttp.SPOT_HIT_SECRET);
                        long t0 = System.nanoTime();
                        try {
                            var response = client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding());
                            if (response.statusCode() != 200) {
                                failures.incrementAndGet();
                            }
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                        nanos[i] = System.nanoTime() - t0;
                    }
                    return null;
                });
            }
        }
        return new Run(nanos, System.nanoTime() - started, failures.get());
    }

    private static void report(long[] nanos, long elapsedNanos, int requests, int concurrency, int failures) {
        Arrays.sort(nanos);
        double seconds = elapsedNanos / 1e9;
        System.out.printf("%nGET /spot_hit/status, 2xx after acks=all, loopback, %d cores: %d requests, %d concurrent clients%n",
                Runtime.getRuntime().availableProcessors(), requests, concurrency);
        System.out.printf("  throughput %.0f requests/s over %.1f s, non-200: %d%n", requests / seconds, seconds, failures);
        System.out.printf("  latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                percentile(nanos, 50), percentile(nanos, 90), percentile(nanos, 99), nanos[nanos.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
