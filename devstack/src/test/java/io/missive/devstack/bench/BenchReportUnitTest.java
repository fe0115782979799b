package io.missive.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.missive.devstack.StackHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The typed report reads and writes the published {@code bench/results/bench.json} without losing
 * or renaming a field, and renders the same Markdown lines as the published {@code bench.md}.
 */
class BenchReportUnitTest {

    private static final Path RESULTS = Path.of("..", "bench", "results");

    @Test
    void thePublishedReportRoundTripsThroughTheRecords() throws IOException {
        var published = StackHttp.JSON.readTree(RESULTS.resolve("bench.json").toFile());

        // Jackson refuses unknown properties: every field of the published report has a home in the records.
        var report = StackHttp.JSON.treeToValue(published, BenchReport.class);

        // compared as parsed text, as readers see it (in a tree, a long 501 is not an int 501)
        var written = StackHttp.JSON.readTree(StackHttp.JSON.writeValueAsString(report));
        assertThat(written).isEqualTo(published);
        assertThat(report.campaign().recipients()).isPositive();
        assertThat(report.campaign().postgresTopStatements()).isNotEmpty();
    }

    @Test
    void theMarkdownHasThePublishedLines() throws IOException {
        var report = StackHttp.JSON.readValue(RESULTS.resolve("bench.json").toFile(), BenchReport.class);

        var rendered = Markdown.of(report).lines().toList();

        // Lines, not order: the old report wrote some sections from unordered maps.
        assertThat(new HashSet<>(rendered)).isEqualTo(new HashSet<>(Files.readAllLines(RESULTS.resolve("bench.md"))));
        assertThat(rendered.getFirst()).isEqualTo("# Missive benchmark, " + report.date());
    }

    @Test
    void theGuardFiguresAreWrittenReadAndRenderedWhenMeasured() throws IOException {
        // A report from before the guard's figures (the published one, without them) reads them as absent.
        var tree = (ObjectNode) StackHttp.JSON.readTree(RESULTS.resolve("bench.json").toFile());
        tree.remove("guard");
        var published = StackHttp.JSON.treeToValue(tree, BenchReport.class);
        assertThat(published.guard()).isNull();
        var report = new BenchReport(published.date(), published.parents(), published.channel(), published.cores(), published.serviceCompiler(),
                published.ceilings(), published.directoryImportSeconds(), published.campaign(), published.latency(),
                published.processes(), published.aircall(), published.gateway(), published.headline(),
                new BenchReport.Guard(1991, 1.25, 1.32, 1.056), null);

        var json = StackHttp.JSON.readTree(StackHttp.JSON.writeValueAsString(report));

        assertThat(json.path("guard").path("acceptanceGuardOffSeconds").asDouble()).isEqualTo(1.25);
        assertThat(json.path("guard").path("acceptanceGuardOnSeconds").asDouble()).isEqualTo(1.32);
        assertThat(json.path("guard").path("guardOverheadRatio").asDouble()).isEqualTo(1.056);
        assertThat(StackHttp.JSON.treeToValue(json, BenchReport.class)).isEqualTo(report);
        assertThat(Markdown.of(report).lines())
                .contains("Send guard: accepting 1991 recipients took 1.25 s with every check off and 1.32 s with the usual modes, **1.056× (issue 18 allows 1.10×)**.")
                .contains("## guard", "| guardOverheadRatio | 1.056 |");
    }

    @Test
    void theConsolePagesAreWrittenReadAndRenderedWithTheSlowestNamed() throws IOException {
        var published = StackHttp.JSON.readValue(RESULTS.resolve("bench.json").toFile(), BenchReport.class);
        var millis = new LinkedHashMap<String, BenchReport.Percentiles>();
        millis.put("campaigns", new BenchReport.Percentiles(41.0, 88.5));
        millis.put("campaign", new BenchReport.Percentiles(62.0, 140.2));
        millis.put("replies", new BenchReport.Percentiles(30.0, 51.0));
        var report = new BenchReport(published.date(), published.parents(), published.channel(), published.cores(), published.serviceCompiler(),
                published.ceilings(), published.directoryImportSeconds(), published.campaign(), published.latency(),
                published.processes(), published.aircall(), published.gateway(), published.headline(), null,
                new BenchReport.Pages(683_378, millis));

        var json = StackHttp.JSON.readTree(StackHttp.JSON.writeValueAsString(report));

        assertThat(json.path("pages").path("millis").path("campaign").path("p99").asDouble()).isEqualTo(140.2);
        assertThat(StackHttp.JSON.treeToValue(json, BenchReport.class)).isEqualTo(report);
        assertThat(Markdown.of(report).lines())
                .contains("Console pages with 683378 messages in the Events store: the slowest at p99 is campaign, **140.2 ms (issue 21 allows 300 ms)**.")
                .contains("## pages", "| millis.campaign.p99 | 140.2 |");
    }

    @Test
    void theStartUpTimesAndTheProductsCpuAreWrittenReadAndRendered() throws IOException {
        var published = StackHttp.JSON.readValue(RESULTS.resolve("bench.json").toFile(), BenchReport.class);
        assertThat(published.startUpSeconds()).as("a report from before they were measured").isNull();
        var campaign = published.campaign();
        var cpu = new LinkedHashMap<>(campaign.cpuMillisPerMessage());
        cpu.put("product", 1.238);
        var withProduct = new BenchReport.Campaign(campaign.recipients(), campaign.resolutionSeconds(),
                campaign.stageCompleteAtSeconds(), campaign.commandToLastDeliveredSeconds(), campaign.messagesPerSecond(),
                campaign.machineCpuBusyPercent(), cpu, campaign.cpuSecondsDuringCampaign(), campaign.postgresTopStatements(),
                campaign.finalCounts(), campaign.duplicatesAtSpotHit());
        var startUp = new LinkedHashMap<String, Double>();
        startUp.put("infrastructure", 6.93);
        startUp.put("console", 21.5);
        var report = new BenchReport(published.date(), published.parents(), published.channel(), published.cores(), published.serviceCompiler(),
                published.ceilings(), published.directoryImportSeconds(), withProduct, published.latency(),
                published.processes(), published.aircall(), published.gateway(), published.headline(), published.guard(),
                published.pages(), startUp);

        var json = StackHttp.JSON.readTree(StackHttp.JSON.writeValueAsString(report));

        assertThat(json.path("startUpSeconds").path("infrastructure").asDouble()).isEqualTo(6.93);
        assertThat(StackHttp.JSON.treeToValue(json, BenchReport.class)).isEqualTo(report);
        assertThat(Markdown.of(report).lines())
                .contains("CPU per message: **1.238 ms by the product** (every service, Kafka and PostgreSQL), "
                        + campaign.cpuMillisPerMessage().get(Benchmark.HARNESS)
                        + " ms by the test harness (launcher and provider simulators).")
                .contains("## startUpSeconds", "| infrastructure | 6.93 |", "| console | 21.5 |");
    }

    @Test
    void anUnavailableStatementsViewIsOneColumn() {
        var row = StackHttp.JSON.valueToTree(BenchReport.Statement.unavailable("pg_stat_statements unavailable: off"));

        assertThat(((com.fasterxml.jackson.databind.JsonNode) row).properties()).extracting(Map.Entry::getKey)
                .containsExactly("statement");
    }
}
