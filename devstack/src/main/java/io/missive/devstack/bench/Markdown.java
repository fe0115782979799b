package io.missive.devstack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.missive.devstack.StackHttp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The benchmark report as Markdown: the headline first, then each measured part as a table of its
 * figures, named by their paths in {@code bench.json} (lists of rows get a table of their own).
 */
final class Markdown {

    private Markdown() {
    }

    static String of(BenchReport report) {
        var md = new StringBuilder("# Missive benchmark, " + report.date() + "\n\n");
        var headline = report.headline();
        var campaign = report.campaign();
        md.append("**%s messages/s end to end** (%s recipients, command to last DELIVERED in %s s) — **%s× the raw `acks=all` producer rate** measured in the same run.\n\n"
                .formatted(headline.endToEndMessagesPerSecond(), campaign.recipients(),
                        campaign.commandToLastDeliveredSeconds(), headline.ratioToRawProducer()));
        var product = campaign.cpuMillisPerMessage().get("product");
        if (product != null) {
            md.append("CPU per message: **%s ms by the product** (every service, Kafka and PostgreSQL), %s ms by the test harness (launcher and provider simulators).\n\n"
                    .formatted(product, campaign.cpuMillisPerMessage().get(Benchmark.HARNESS)));
        }
        // Reports from before RCS name no channel: they were SMS, and read as they were written.
        if (report.channel() != null) {
            md.append("Channel: ").append(report.channel()).append(". ");
        }
        md.append("Machine: ").append(report.cores()).append(" cores; services compiled by ").append(report.serviceCompiler())
                .append(". Parents in the directory: ")
                .append(report.parents()).append(" (import took ").append(report.directoryImportSeconds()).append(" s).\n\n");
        var guard = report.guard();
        if (guard != null) {
            md.append("Send guard: accepting %s recipients took %s s with every check off and %s s with the usual modes, **%s× (issue 18 allows 1.10×)**.\n\n"
                    .formatted(guard.recipients(), guard.acceptanceGuardOffSeconds(), guard.acceptanceGuardOnSeconds(),
                            guard.guardOverheadRatio()));
        }
        var pages = report.pages();
        if (pages != null) {
            var slowest = pages.millis().entrySet().stream().max(Map.Entry.comparingByValue(
                    Comparator.comparingDouble(BenchReport.Percentiles::p99))).orElseThrow();
            md.append("Console pages with %s messages in the Events store: the slowest at p99 is %s, **%s ms (issue 21 allows 300 ms)**.\n\n"
                    .formatted(pages.campaignMessages(), slowest.getKey(), slowest.getValue().p99()));
        }
        md.append("![messages per stage over time](bench-campaign.png)\n\n");
        // The same figures as bench.json, read from the tree Jackson writes there.
        var sections = StackHttp.JSON.valueToTree(report);
        for (var section : new String[] {"ceilings", "campaign", "latency", "processes", "aircall", "gateway", "guard", "pages", "startUpSeconds"}) {
            if (!sections.has(section)) {
                continue; // a part added after the report was written
            }
            md.append("## ").append(section).append("\n\n| measure | value |\n| --- | --- |\n");
            var tables = new StringBuilder();
            flatten("", sections.get(section), md, tables);
            md.append('\n').append(tables);
        }
        return md.toString();
    }

    private static void flatten(String prefix, JsonNode value, StringBuilder md, StringBuilder tables) {
        if (value.isObject()) {
            value.properties().forEach(field -> flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(),
                    field.getValue(), md, tables));
        } else if (value.isArray() && !value.isEmpty() && value.get(0).isObject()) {
            table(prefix, value, tables);
        } else {
            md.append("| ").append(prefix).append(" | ").append(value.isValueNode() ? value.asText() : value.toString()).append(" |\n");
        }
    }

    /** A list of rows as its own table, below the section's measures; the first row names the columns. */
    private static void table(String title, JsonNode rows, StringBuilder tables) {
        List<String> columns = new ArrayList<>();
        rows.get(0).fieldNames().forEachRemaining(columns::add);
        tables.append("### ").append(title).append("\n\n|");
        columns.forEach(column -> tables.append(' ').append(column).append(" |"));
        tables.append("\n|");
        columns.forEach(column -> tables.append(" --- |"));
        tables.append('\n');
        for (var row : rows) {
            tables.append('|');
            columns.forEach(column -> {
                var cell = row.get(column);
                tables.append(' ').append((cell == null ? "null" : cell.asText()).replace("|", "\\|")).append(" |");
            });
            tables.append('\n');
        }
        tables.append('\n');
    }
}
