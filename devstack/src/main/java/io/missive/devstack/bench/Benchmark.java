package io.missive.devstack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.missive.devstack.DemoDirectory;
import io.missive.devstack.Stack;
import io.missive.devstack.StackHttp;
import io.missive.schemas.ids.MessageIds;
import io.missive.simulators.spothit.SpotHitSimulatorConfig.ReceiptPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The end-to-end benchmark, in one run on the devstack processes: the machine's ceilings first,
 * then one personalised SpotHit campaign to every eligible parent due now, followed stage by stage
 * until the last message is DELIVERED in the Events store; then the Aircall path against its rate
 * limit and the webhook gateway alone. Prints figures and writes Markdown, JSON and a PNG chart.
 */
public final class Benchmark {

    /** Progress of the campaign at {@code t} seconds after the command was accepted. */
    public record Sample(double t, long published, long accepted, long sent, long receipts, long delivered) {
    }

    private static final String CAMPAIGN = "bench-campaign";
    static final String TEMPLATE = "{PRENOM_ENFANT} a une nouvelle vidéo : {URL}";
    /** Every check of the send guard off, for one scheduler process (decision 0110's modes). */
    private static final Map<String, String> GUARD_OFF = Map.of("MISSIVE_GUARD_LINKS", "off",
            "MISSIVE_GUARD_KEYWORDS", "off", "MISSIVE_GUARD_PHONES", "off");
    private static final int AIRCALL_MESSAGES = 300;
    private static final int GATEWAY_REQUESTS = 20_000;

    private final Stack stack;
    /** The launcher's own process, which runs the provider simulators too: the test harness, not the product. */
    static final String HARNESS = "launcher+simulators";

    private final int parents;
    private final String channel;
    private final Consumer<String> progress;
    private final StackHttp http;

    public Benchmark(Stack stack, int parents, Consumer<String> progress) {
        this(stack, parents, "sms", progress);
    }

    /** @param channel {@code sms}, or {@code rcs} when the stack runs with {@code MISSIVE_RCS_MODE=short-as-basic} */
    public Benchmark(Stack stack, int parents, String channel, Consumer<String> progress) {
        this.stack = stack;
        this.parents = parents;
        this.channel = channel;
        this.progress = progress;
        this.http = new StackHttp(stack);
    }

    public BenchReport run(Path results) throws IOException {
        try (http) {
            return measure(results);
        }
    }

    /**
     * The send guard's step alone ({@code ./missive bench --only guard}): the directory imported, then the same
     * alternated acceptances as in the full run, written to {@code guard.md} beside the full report, which it leaves.
     */
    public BenchReport.Guard runGuardOnly(Path results) throws IOException {
        try (http) {
            Files.createDirectories(results);
            var directory = receiptsAtOnceAndDirectoryImported(stack, parents, progress);
            var guard = guard(directory.summary());
            Files.writeString(results.resolve("guard.md"), """
                    # Send guard's cost to acceptance, %s

                    `./missive bench --only guard`, %d parents, %d cores (decision 0006, step 5: a fresh scheduler for each \
                    acceptance, off, on, off, on, each mode's faster kept).

                    Accepting %d recipients took %s s with every check off and %s s with the usual modes: **%s× \
                    (issue 18 allows 1.10×)**.
                    """.formatted(LocalDate.now(), parents, Runtime.getRuntime().availableProcessors(), guard.recipients(),
                    guard.acceptanceGuardOffSeconds(), guard.acceptanceGuardOnSeconds(), guard.guardOverheadRatio()));
            return guard;
        }
    }

    /**
     * The console's pages alone ({@code ./missive bench --only pages}): the directory imported, the campaign sent to every
     * active group, then every page timed as in the full run, written to {@code pages.md} beside the full report.
     */
    public BenchReport.Pages runPagesOnly(Path results) throws IOException {
        try (http) {
            Files.createDirectories(results);
            var directory = receiptsAtOnceAndDirectoryImported(stack, parents, progress);
            // The campaign's chart is the full run's; this one goes to a scratch directory.
            var campaign = campaign(directory.summary(), Files.createTempDirectory("missive-bench-pages"));
            var pages = pages(directory.summary(), campaign.recipients());
            var table = new StringBuilder("| page | p50 ms | p99 ms |\n| --- | --- | --- |\n");
            pages.millis().forEach((page, millis) -> table.append("| %s | %s | %s |%n".formatted(page, millis.p50(), millis.p99())));
            Files.writeString(results.resolve("pages.md"), """
                    # Console pages at a million parents, %s

                    `./missive bench --only pages`, %d parents, %d cores: one campaign of %d messages sent to every active
                    group and in the Events store, then each page asked %s times through the console (issue 21 asks under
                    300 ms each).

                    %s""".formatted(LocalDate.now(), parents, Runtime.getRuntime().availableProcessors(), pages.campaignMessages(),
                    ConsolePages.ROUNDS, table));
            return pages;
        }
    }

    private BenchReport measure(Path results) throws IOException {
        Files.createDirectories(results);
        var date = LocalDate.now().toString();
        int cores = Runtime.getRuntime().availableProcessors();
        var serviceCompiler = stack.config().optimisingCompiler() ? "tiered (C1 and C2)" : "C1 only";

        progress.accept("measuring this machine's ceilings on the same broker and database");
        var infra = stack.infrastructure();
        var measured = Ceilings.measure(infra.kafkaBootstrapServers(), infra.jdbcUrl("missive"), infra.jdbcUsername(),
                infra.jdbcPassword(), 200_000);
        var ceilings = new BenchReport.Ceilings(round(measured.producerPerSecond()), round(measured.consumerPerSecond()),
                round(measured.insertsPerSecond()), round(measured.updatesPerSecond()), Ceilings.RECORD_BYTES);
        progress.accept("ceilings: " + ceilings);

        stack.simulators().spotHit().rcs(stack.simulators().spotHit().rcsPlan().withTiming(Duration.ZERO, Duration.ofSeconds(1)));
        long importStarted = System.nanoTime();
        var directory = receiptsAtOnceAndDirectoryImported(stack, parents, progress);
        double directoryImportSeconds = round(seconds(importStarted));

        var campaign = campaign(directory.summary(), results);
        var latency = latencies(directory.summary());
        var pages = pages(directory.summary(), campaign.recipients());
        var processes = processes();
        var aircall = aircall(directory.summary());
        var gateway = gateway();
        // Last, as it restarts the scheduler: no figure above is taken across a restart.
        var guard = guard(directory.summary());

        double endToEnd = campaign.messagesPerSecond();
        var headline = new BenchReport.Headline(round(endToEnd),
                Math.round(endToEnd / measured.producerPerSecond() * 1000) / 1000.0);
        var report = new BenchReport(date, parents, channel, cores, serviceCompiler, ceilings, directoryImportSeconds, campaign,
                latency, processes, aircall, gateway, headline, guard, pages, stack.startUpSeconds());
        write(results, report);
        return report;
    }

    /**
     * Every benchmark's opening: SpotHit's simulator answers each message with a DELIVERED receipt at once, and the demo
     * directory of {@code parents} is imported (the import's time is the caller's to take).
     */
    static DemoDirectory.Generated receiptsAtOnceAndDirectoryImported(Stack stack, int parents, Consumer<String> progress) {
        stack.simulators().spotHit().receipts(ReceiptPlan.allDelivered(stack.spotHitCallbackUrl("/spot_hit/status"))
                .withTiming(Duration.ZERO, Duration.ZERO));
        progress.accept("importing " + parents + " parents");
        var directory = DemoDirectory.generate(parents);
        directory.importInto(stack);
        return directory;
    }

    static String groups(DemoDirectory.Summary directory) {
        return directory.activeGroupIds().stream().map(id -> "{\"selector\":\"group." + id + "\"}")
                .collect(Collectors.joining(","));
    }

    private BenchReport.Campaign campaign(DemoDirectory.Summary directory, Path results) throws IOException {
        var groups = groups(directory);
        var infra = stack.infrastructure();
        var statements = new PostgresStatements(infra.jdbcUrl("missive"), infra.jdbcUsername(), infra.jdbcPassword());
        statements.reset();
        progress.accept("programming one campaign to every active group, due now");
        long started = System.nanoTime();
        var reply = http.program("""
                {"commandId":"%s","plannedAt":"%s","recipients":[%s],
                 "message":"%s","redirectionTargetId":"%s"}"""
                .formatted(CAMPAIGN, Instant.now(), groups, TEMPLATE, DemoDirectory.REDIRECTION_TARGET_ID));
        double resolution = seconds(started);
        if (reply.statusCode() / 100 != 2) {
            throw new IllegalStateException("campaign refused: " + reply.statusCode() + " " + reply.body());
        }
        int accepted = StackHttp.json(reply.body()).path("accepted").asInt();
        var cpuBefore = MachineCpu.now();
        var processesBefore = cpuSeconds();
        long accepting = System.nanoTime();
        var samples = new ArrayList<Sample>();
        Map<String, Double> stageDone = new LinkedHashMap<>();
        long lastProgress = System.nanoTime();
        long lastDelivered = -1;
        long deadline = accepting + Duration.ofMinutes(30).toNanos();
        long published = 0;
        while (System.nanoTime() < deadline) {
            double t = seconds(accepting);
            // Cheap reads only while the campaign runs: counting a campaign's rows in the Events store
            // costs the database O(recipients) per call, which polled twice a second would take a good
            // part of the CPU it measures. The tracker's latency timers count each message's first SENT
            // and first DELIVERED; the exact store counts confirm the end.
            if (published < accepted) {
                published = published();
            }
            long atProvider = stack.simulators().spotHit().totalAccepted();
            long receipts = stack.simulators().spotHit().receiptsDelivered();
            var timers = http.metrics("status-tracker", "missive_tracker_planned_to_sent_seconds_count",
                    "missive_tracker_sent_to_delivered_seconds_count");
            long sent = (long) timers[0];
            long delivered = (long) timers[1];
            samples.add(new Sample(t, published, atProvider, sent, receipts, delivered));
            stageDone.putIfAbsent("published", published >= accepted ? round(t) : null);
            stageDone.putIfAbsent("acceptedBySpotHit", atProvider >= accepted ? round(t) : null);
            stageDone.putIfAbsent("sentInEventsStore", sent >= accepted ? round(t) : null);
            stageDone.putIfAbsent("receiptsThroughGateway", receipts >= accepted ? round(t) : null);
            stageDone.entrySet().removeIf(e -> e.getValue() == null);
            progress.accept("t=%5.1fs published %d · at SpotHit %d · SENT %d · receipts %d · DELIVERED %d / %d"
                    .formatted(t, published, atProvider, sent, receipts, delivered, accepted));
            // A read message was delivered: over RCS, READ counts as delivered.
            var counts = delivered >= accepted ? http.campaignCounts(CAMPAIGN) : Map.<String, Integer>of();
            if (delivered >= accepted && counts.getOrDefault("DELIVERED", 0) + counts.getOrDefault("READ", 0) >= accepted) {
                stageDone.put("deliveredInEventsStore", round(t));
                break;
            }
            if (delivered != lastDelivered) {
                lastDelivered = delivered;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > Duration.ofMinutes(2).toNanos()) {
                progress.accept("no progress for 2 minutes: stopping the campaign measurement");
                break;
            }
            sleep(Duration.ofMillis(500));
        }
        double total = samples.isEmpty() ? 0 : samples.getLast().t();
        double machineBusy = MachineCpu.now().busyPercentSince(cpuBefore);
        Chart.write(results.resolve("bench-campaign.png"), "%,d recipients: messages per stage over time".formatted(accepted),
                samples, accepted);
        var processesAfter = cpuSeconds();
        // What each process spent per message: the machine's CPU budget, and which process uses it up.
        var cpuPerMessage = new LinkedHashMap<String, Double>();
        double allCpu = 0;
        for (var entry : processesAfter.entrySet()) {
            double spent = entry.getValue() - processesBefore.getOrDefault(entry.getKey(), 0.0);
            allCpu += spent;
            cpuPerMessage.put(entry.getKey(), round(spent * 1000 / Math.max(1, accepted), 3));
        }
        cpuPerMessage.put("all processes", round(allCpu * 1000 / Math.max(1, accepted), 3));
        double harnessCpu = processesAfter.getOrDefault(HARNESS, 0.0) - processesBefore.getOrDefault(HARNESS, 0.0);
        cpuPerMessage.put("product", round((allCpu - harnessCpu) * 1000 / Math.max(1, accepted), 3));
        return new BenchReport.Campaign(accepted, round(resolution), stageDone, round(resolution + total),
                round(accepted / Math.max(0.001, resolution + total)), round(machineBusy), cpuPerMessage, round(allCpu),
                statements.top(10), http.campaignCounts(CAMPAIGN), stack.simulators().spotHit().duplicatedPhones().size());
    }

    /**
     * What the send guard costs acceptance (issue 18): the main campaign's groups and template accepted by a
     * scheduler started with every check off and by one started with the usual modes, on the same directory,
     * alternated twice (off, on, off, on) so that a change of load on a shared machine weighs on both, and each
     * mode's faster acceptance kept (the one least disturbed). Every acceptance runs on a fresh process, so none
     * runs on a JVM another warmed up; all are planned a year ahead, so nothing is sent, and cancelled once timed.
     */
    private BenchReport.Guard guard(DemoDirectory.Summary directory) {
        var groups = groups(directory);
        var plannedAt = Instant.now().plus(Duration.ofDays(365));
        Acceptance off = null;
        Acceptance on = null;
        var commands = new ArrayList<String>();
        for (int round = 1; round <= 2; round++) {
            progress.accept("send guard, round %d: restarting the scheduler with every check off".formatted(round));
            stack.restart("scheduler-service", GUARD_OFF, Duration.ofMinutes(3));
            commands.add("bench-guard-off-" + round);
            off = faster(off, acceptance(commands.getLast(), plannedAt, groups));
            progress.accept("send guard, round %d: restarting the scheduler with its usual modes".formatted(round));
            stack.restart("scheduler-service", Map.of(), Duration.ofMinutes(3));
            commands.add("bench-guard-on-" + round);
            on = faster(on, acceptance(commands.getLast(), plannedAt, groups));
        }
        progress.accept("acceptance, fastest of two: guard off %.2f s, guard on %.2f s".formatted(off.seconds(), on.seconds()));
        for (var command : commands) {
            var cancelled = http.delete(stack.url("scheduler-service") + "/api/v1/programs/" + command
                    + "?reason=benchmark%3A+acceptance+timed+only");
            if (cancelled.statusCode() / 100 != 2) {
                progress.accept("could not cancel " + command + ": " + cancelled.statusCode() + " " + cancelled.body());
            }
        }
        if (off.recipients() != on.recipients()) {
            throw new IllegalStateException("guard off accepted " + off.recipients() + ", guard on " + on.recipients());
        }
        return new BenchReport.Guard(on.recipients(), round(off.seconds()), round(on.seconds()),
                round(on.seconds() / Math.max(0.001, off.seconds()), 3));
    }

    private static Acceptance faster(@Nullable Acceptance best, Acceptance next) {
        return best == null || next.seconds() < best.seconds() ? next : best;
    }

    private record Acceptance(double seconds, int recipients) {
    }

    /** How long the scheduler took to accept one campaign: the POST, which answers once every message is stored. */
    private Acceptance acceptance(String commandId, Instant plannedAt, String groups) {
        long started = System.nanoTime();
        var reply = http.program("""
                {"commandId":"%s","plannedAt":"%s","recipients":[%s],
                 "message":"%s","redirectionTargetId":"%s"}"""
                .formatted(commandId, plannedAt, groups, TEMPLATE, DemoDirectory.REDIRECTION_TARGET_ID));
        double seconds = seconds(started);
        if (reply.statusCode() / 100 != 2) {
            throw new IllegalStateException(commandId + " refused: " + reply.statusCode() + " " + reply.body());
        }
        return new Acceptance(seconds, StackHttp.json(reply.body()).path("accepted").asInt());
    }

    private long published() {
        var response = http.get(stack.url("scheduler-service") + "/api/v1/programs/" + CAMPAIGN);
        if (response.statusCode() != 200) {
            return 0;
        }
        return StackHttp.json(response.body()).path("publishedThroughSeq").asLong();
    }

    /** The console's pages, timed with the campaign's messages in the Events store (issue 21: under 300 ms each). */
    private BenchReport.Pages pages(DemoDirectory.Summary directory, int campaignMessages) {
        progress.accept("timing the console's pages with %d messages in the Events store".formatted(campaignMessages));
        int parent = 1;
        while (!DemoDirectory.isEligible(parent, directory)) {
            parent++;
        }
        var millis = new ConsolePages(stack).time(CAMPAIGN, MessageIds.messageId(CAMPAIGN, "parent:" + parent));
        progress.accept("console pages, p50/p99 ms: " + millis);
        return new BenchReport.Pages(campaignMessages, millis);
    }

    /** p50/p99 of due → sent and sent → delivered, from a random sample of messages in the Events store. */
    private BenchReport.Latency latencies(DemoDirectory.Summary directory) {
        var random = new Random(11);
        var dueToSent = Collections.synchronizedList(new ArrayList<Double>());
        var sentToDelivered = Collections.synchronizedList(new ArrayList<Double>());
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 1000; i++) {
                int parent = 1 + random.nextInt(parents);
                if (!DemoDirectory.isEligible(parent, directory)) {
                    continue;
                }
                pool.submit(() -> {
                    var response = http.message(MessageIds.messageId(CAMPAIGN, "parent:" + parent));
                    if (response.statusCode() != 200) {
                        return;
                    }
                    var message = StackHttp.json(response.body());
                    var planned = textOrNull(message, "plannedAt");
                    var sent = textOrNull(message, "sentAt");
                    var delivered = textOrNull(message, "deliveredAt");
                    if (planned != null && sent != null) {
                        dueToSent.add(Duration.between(Instant.parse(planned), Instant.parse(sent)).toMillis() / 1000.0);
                    }
                    if (sent != null && delivered != null) {
                        sentToDelivered.add(Duration.between(Instant.parse(sent), Instant.parse(delivered)).toMillis() / 1000.0);
                    }
                });
            }
        }
        return new BenchReport.Latency(dueToSent.size(),
                new BenchReport.Percentiles(percentile(dueToSent, 50), percentile(dueToSent, 99)),
                new BenchReport.Percentiles(percentile(sentToDelivered, 50), percentile(sentToDelivered, 99)));
    }

    private static @Nullable String textOrNull(JsonNode node, String field) {
        var value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Every process of the stack by name, PostgreSQL with its backends, the launcher (with the simulators) last. */
    private Map<String, ProcessStats> processStats() {
        var stats = new LinkedHashMap<String, ProcessStats>();
        for (var service : stack.services()) {
            stats.put(service.name(), ProcessStats.of(service.pid()));
        }
        stats.put("kafka", ProcessStats.of(stack.infrastructure().kafkaPid()));
        stats.put("postgresql", ProcessStats.ofTree(stack.infrastructure().postgresPid()));
        stats.put(HARNESS, ProcessStats.of(ProcessHandle.current().pid()));
        return stats;
    }

    private Map<String, Double> cpuSeconds() {
        var cpu = new LinkedHashMap<String, Double>();
        processStats().forEach((name, stats) -> cpu.put(name, stats.cpuSeconds()));
        return cpu;
    }

    private Map<String, BenchReport.ProcessFigures> processes() {
        var processes = new LinkedHashMap<String, BenchReport.ProcessFigures>();
        processStats().forEach((name, stats) -> processes.put(name,
                new BenchReport.ProcessFigures(stats.peakRssKib() / 1024, round(stats.cpuSeconds()))));
        return processes;
    }

    /** Many one-to-one messages due at the same moment: how close to its limit the dispatcher runs, never over. */
    private BenchReport.Aircall aircall(DemoDirectory.Summary directory) {
        var aircall = stack.simulators().aircall();
        aircall.reset();
        var config = stack.config();
        double allowedPerSecond = config.aircallRequestsPerWindow() / (config.aircallWindow().toMillis() / 1000.0);
        var due = Instant.now().plusSeconds(20);
        progress.accept("programming " + AIRCALL_MESSAGES + " Aircall messages due at " + due);
        int programmed = 0;
        for (int parent = 1; programmed < AIRCALL_MESSAGES && parent <= parents; parent++) {
            if (!DemoDirectory.isEligible(parent, directory)) {
                continue;
            }
            programmed++;
            http.program("""
                    {"commandId":"bench-aircall-%d","plannedAt":"%s","recipients":[{"selector":"parent.%d"}],
                     "message":"Bonjour, voici vos objectifs.","supporterId":"%s","provider":"AIRCALL","purpose":"call0_goals"}"""
                    .formatted(programmed, due, parent, DemoDirectory.supporterOf(parent, directory)));
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (aircall.accepted().size() < programmed && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(500));
        }
        var accepted = aircall.accepted();
        double span = accepted.size() < 2 ? 0
                : Duration.between(accepted.getFirst().acceptedAt(), accepted.getLast().acceptedAt()).toMillis() / 1000.0;
        double rate = span == 0 ? 0 : (accepted.size() - 1) / span;
        return new BenchReport.Aircall(programmed, accepted.size(), allowedPerSecond, round(rate),
                Math.round(rate / allowedPerSecond * 1000) / 1000.0, aircall.overLimitRequests());
    }

    /** The gateway alone: SpotHit receipts as fast as 32 concurrent callers can send them, 2xx after Kafka's ack. */
    private BenchReport.Gateway gateway() {
        progress.accept("webhook gateway alone: " + GATEWAY_REQUESTS + " receipts");
        var latencies = new ConcurrentLinkedQueue<Double>();
        var failures = new AtomicInteger();
        var next = new AtomicInteger();
        long started = System.nanoTime();
        try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < 32; c++) {
                callers.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < GATEWAY_REQUESTS) {
                        long t = System.nanoTime();
                        try {
                            var response = http.get(stack.spotHitCallbackUrl("/spot_hit/status") + "&id_message=bench-gw-" + (i / 100)
                                    + "&numero=" + "+336%08d".formatted(i).replace("+", "%2B") + "&statut=1");
                            if (response.statusCode() / 100 != 2) {
                                failures.incrementAndGet();
                            }
                        } catch (RuntimeException e) {
                            failures.incrementAndGet();
                        }
                        latencies.add((System.nanoTime() - t) / 1e6);
                    }
                });
            }
        }
        double elapsed = seconds(started);
        var sorted = new ArrayList<>(latencies);
        return new BenchReport.Gateway(GATEWAY_REQUESTS, round(GATEWAY_REQUESTS / elapsed),
                percentile(sorted, 50), percentile(sorted, 99), failures.get());
    }

    private static void write(Path results, BenchReport report) throws IOException {
        Files.createDirectories(results);
        Files.writeString(results.resolve("bench.json"), StackHttp.JSON.writeValueAsString(report) + "\n");
        Files.writeString(results.resolve("bench.md"), Markdown.of(report));
    }

    static double percentile(List<Double> values, int percentile) {
        if (values.isEmpty()) {
            return 0;
        }
        var sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return round(sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))));
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    static double round(double value) {
        return round(value, 2);
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
