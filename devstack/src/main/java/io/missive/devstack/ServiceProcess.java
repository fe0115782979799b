package io.missive.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One Missive service as its own JVM process (so that it can be killed without the others), with
 * its log in {@code <logs>/<name>.log}. Stopping sends SIGTERM, which Spring Boot turns into a
 * graceful shutdown; killing sends SIGKILL, as a crash would.
 */
public final class ServiceProcess {

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final Path logs;
    private final boolean optimisingCompiler;
    private @Nullable Process process;

    /** @param optimisingCompiler whether C2 runs too (long runs), or C1 alone (quicker starts) */
    public ServiceProcess(String name, Path jar, int port, Map<String, String> environment, Path logs, boolean optimisingCompiler) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.logs = logs;
        this.optimisingCompiler = optimisingCompiler;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public synchronized void start() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + ": " + jar + " is missing; build it first (./missive up builds everything)");
        }
        try {
            Files.createDirectories(logs);
            var runnable = extracted();
            var command = new ArrayList<String>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xms64m");
            // 224 MB of heap keeps each service under 512 MiB resident: classes, compiled code and
            // threads take about 280 MiB more (measured by ./missive bench, a 1,000,000-parent campaign).
            command.add("-Xmx224m");
            command.add("-XX:+UseSerialGC");
            if (!optimisingCompiler) {
                command.add("-XX:TieredStopAtLevel=1");
            }
            command.add("-Xss512k");
            // A per-service class-data archive, made on the first run (and again when the jar changed): later starts
            // are faster. It holds the application's classes too because the jar is extracted (see extracted()).
            command.add("-XX:+AutoCreateSharedArchive");
            command.add("-XX:SharedArchiveFile=" + archive());
            command.add("-Xlog:cds*=off");
            command.addAll(extraJvmOptions());
            command.add("-jar");
            command.add(runnable.toString());
            Files.createDirectories(logs.resolveSibling("cds"));
            var builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile()));
            builder.environment().putAll(environment);
            builder.environment().put("PORT", Integer.toString(port));
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /**
     * The service's jar unpacked as Spring Boot advises for class-data sharing ({@code -Djarmode=tools extract}): a thin
     * jar and its libraries as plain jars, whose classes the JVM's own loader reads and the archive can keep (from the
     * nested jars of the executable jar it keeps only the JDK's). A copy, too: rebuilding the module while the stack
     * runs must not pull classes from under the JVM. Extracted again only when the built jar changed.
     */
    private Path extracted() throws IOException {
        var directory = logs.resolveSibling("jars").resolve(name);
        var stamp = logs.resolveSibling("jars").resolve(name + ".source");
        var source = source();
        var thin = directory.resolve(jar.getFileName());
        if (Files.isRegularFile(thin) && Files.isRegularFile(stamp) && Files.readString(stamp).equals(source)) {
            return thin;
        }
        deleteRecursively(directory);
        Files.deleteIfExists(stamp);
        // An archive made from other jars does not load, and the JVM that refused it makes none at exit: each build of
        // the jar has an archive of its own (archive()), and the older ones go.
        try (var old = Files.newDirectoryStream(Files.createDirectories(archive().getParent()), name + "{.jsa,-*.jsa}")) {
            for (var file : old) {
                Files.delete(file);
            }
        }
        var extract = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Djarmode=tools",
                "-jar", jar.toAbsolutePath().toString(), "extract", "--destination", directory.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile()))
                .start();
        try {
            if (!extract.waitFor(2, TimeUnit.MINUTES) || extract.exitValue() != 0 || !Files.isRegularFile(thin)) {
                extract.destroyForcibly();
                throw new IllegalStateException(name + ": extracting " + jar + " failed; see " + logs.resolve(name + ".log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while extracting " + jar, e);
        }
        Files.writeString(stamp, source);
        return thin;
    }

    /** What the built jar is: its path, size and time; a rebuild changes it. */
    private String source() throws IOException {
        return jar.toAbsolutePath() + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
    }

    private Path archive() throws IOException {
        return logs.resolveSibling("cds").resolve(name + "-" + Integer.toHexString(source().hashCode()) + ".jsa");
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (var path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** {@code MISSIVE_JVM_OPTIONS}, split on spaces: extra options for every service JVM (a profiler, say). */
    private static List<String> extraJvmOptions() {
        var options = System.getenv("MISSIVE_JVM_OPTIONS");
        return options == null || options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
    }

    /** Waits until {@code /actuator/health} answers UP, or fails naming the log to read. */
    public void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            var request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            while (System.nanoTime() < deadline) {
                var current = process;
                if (current != null && !current.isAlive()) {
                    throw new IllegalStateException(name + " exited with code " + current.exitValue()
                            + "; see " + logs.resolve(name + ".log"));
                }
                try {
                    var response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
        throw new IllegalStateException(name + " not healthy within " + timeout + "; see " + logs.resolve(name + ".log"));
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** A crash: SIGKILL, no shutdown hooks. */
    public synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor(process, Duration.ofSeconds(10));
        }
    }

    /** A graceful stop: SIGTERM, then SIGKILL if it takes longer than the grace period. */
    public synchronized void stop(Duration grace) {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!waitFor(process, grace)) {
                process.destroyForcibly();
                waitFor(process, Duration.ofSeconds(5));
            }
        }
    }

    public long pid() {
        var current = process;
        return current == null ? -1 : current.pid();
    }

    public Path logFile() {
        return logs.resolve(name + ".log");
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
