package io.missive.devstack.bench;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The benchmark report as Markdown: the headline first, then each measured part. */
final class Markdown {

    private Markdown() {
    }

    @SuppressWarnings("unchecked")
    static String of(Map<String, Object> report) {
        var md = new StringBuilder("# Missive benchmark, " + report.get("date") + "\n\n");
        var headline = (Map<String, Object>) report.get("headline");
        var campaign = (Map<String, Object>) report.get("campaign");
        md.append("**%s messages/s end to end** (%s recipients, command to last DELIVERED in %s s) — **%s× the raw `acks=all` producer rate** measured in the same run.\n\n"
                .formatted(headline.get("endToEndMessagesPerSecond"), campaign.get("recipients"),
                        campaign.get("commandToLastDeliveredSeconds"), headline.get("ratioToRawProducer")));
        md.append("Machine: ").append(report.get("cores")).append(" cores; services compiled by ").append(report.get("serviceCompiler"))
                .append(". Parents in the directory: ")
                .append(report.get("parents")).append(" (import took ").append(report.get("directoryImportSeconds")).append(" s).\n\n");
        md.append("![messages per stage over time](bench-campaign.png)\n\n");
        for (var section : new String[] {"ceilings", "campaign", "latency", "processes", "aircall", "gateway"}) {
            md.append("## ").append(section).append("\n\n| measure | value |\n| --- | --- |\n");
            var tables = new StringBuilder();
            flatten("", report.get(section), md, tables);
            md.append('\n').append(tables);
        }
        return md.toString();
    }

    private static void flatten(String prefix, Object value, StringBuilder md, StringBuilder tables) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, inner) -> flatten(prefix.isEmpty() ? key.toString() : prefix + "." + key, inner, md, tables));
        } else if (value instanceof List<?> rows && !rows.isEmpty() && rows.getFirst() instanceof Map<?, ?> first) {
            table(prefix, rows, first.keySet(), tables);
        } else {
            md.append("| ").append(prefix).append(" | ").append(value).append(" |\n");
        }
    }

    /** A list of rows as its own table, below the section's measures. */
    private static void table(String title, List<?> rows, Collection<?> columns, StringBuilder tables) {
        tables.append("### ").append(title).append("\n\n|");
        columns.forEach(column -> tables.append(' ').append(column).append(" |"));
        tables.append("\n|");
        columns.forEach(column -> tables.append(" --- |"));
        tables.append('\n');
        for (var row : rows) {
            var cells = (Map<?, ?>) row;
            tables.append('|');
            columns.forEach(column -> tables.append(' ')
                    .append(String.valueOf(cells.get(column)).replace("|", "\\|")).append(" |"));
            tables.append('\n');
        }
        tables.append('\n');
    }
}
