package io.missive.devstack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.devstack.StackHttp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
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
    void anUnavailableStatementsViewIsOneColumn() {
        var row = StackHttp.JSON.valueToTree(BenchReport.Statement.unavailable("pg_stat_statements unavailable: off"));

        assertThat(((com.fasterxml.jackson.databind.JsonNode) row).properties()).extracting(Map.Entry::getKey)
                .containsExactly("statement");
    }
}
