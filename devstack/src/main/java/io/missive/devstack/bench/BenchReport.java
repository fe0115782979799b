package io.missive.devstack.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What one benchmark run measured, as written to {@code bench.json} (Jackson, in this order) and
 * rendered as {@code bench.md}. The field names are the JSON's: renaming one breaks readers of
 * earlier reports. Fields added later are nullable and left out when absent, so earlier reports still read.
 * {@code startUpSeconds}: the stack's start ({@link io.missive.devstack.Stack#startUpSeconds()}), the infrastructure
 * and each service.
 */
public record BenchReport(String date, int parents, @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String channel, int cores, String serviceCompiler, Ceilings ceilings,
                          double directoryImportSeconds, Campaign campaign, Latency latency,
                          Map<String, ProcessFigures> processes, Aircall aircall, Gateway gateway, Headline headline,
                          @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Guard guard,
                          @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Pages pages,
                          @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Map<String, Double> startUpSeconds) {

    /** A report without the start-up times (written before they were measured, or built by a test). */
    public BenchReport(String date, int parents, @Nullable String channel, int cores, String serviceCompiler, Ceilings ceilings,
                       double directoryImportSeconds, Campaign campaign, Latency latency,
                       Map<String, ProcessFigures> processes, Aircall aircall, Gateway gateway, Headline headline,
                       @Nullable Guard guard, @Nullable Pages pages) {
        this(date, parents, channel, cores, serviceCompiler, ceilings, directoryImportSeconds, campaign, latency, processes,
                aircall, gateway, headline, guard, pages, null);
    }

    /** The machine's own ceilings on the same broker and database. */
    public record Ceilings(double kafkaProducerRecordsPerSecond, double kafkaConsumerRecordsPerSecond,
                           double postgresInsertRowsPerSecond, double postgresUpdateRowsPerSecond, int recordBytes) {
    }

    /**
     * The SpotHit campaign, command to last DELIVERED.
     *
     * @param stageCompleteAtSeconds seconds after acceptance at which each stage had every message, by stage
     * @param cpuMillisPerMessage    CPU each process spent per message, by process, "all processes", and "product": all
     *                               processes but the launcher and the provider simulators (the test harness)
     * @param finalCounts            the campaign's messages per status in the Events store
     */
    public record Campaign(int recipients, double resolutionSeconds, Map<String, Double> stageCompleteAtSeconds,
                           double commandToLastDeliveredSeconds, double messagesPerSecond, double machineCpuBusyPercent,
                           Map<String, Double> cpuMillisPerMessage, double cpuSecondsDuringCampaign,
                           List<Statement> postgresTopStatements, Map<String, Integer> finalCounts, int duplicatesAtSpotHit) {
    }

    /** One of the statements that took PostgreSQL's time; only {@code statement} when pg_stat_statements is missing. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Statement(String statement, @Nullable Long calls, @Nullable Long rows, @Nullable Double totalSeconds,
                            @Nullable Double meanMillis) {

        static Statement unavailable(String why) {
            return new Statement(why, null, null, null, null);
        }
    }

    /** Due → sent and sent → delivered, from a random sample of the campaign's messages. */
    public record Latency(int sampledMessages, Percentiles dueToSentSeconds, Percentiles sentToDeliveredSeconds) {
    }

    public record Percentiles(double p50, double p99) {
    }

    /** One process of the stack over the whole run. */
    public record ProcessFigures(long peakRssMiB, double cpuSeconds) {
    }

    /** One-to-one Aircall messages due at once against the rate limit. */
    public record Aircall(int messages, int acceptedBySimulator, double allowedPerSecond, double achievedPerSecond,
                          double utilisation, int requestsOverLimit) {
    }

    /** The webhook gateway alone, receipts from 32 concurrent callers. */
    public record Gateway(int requests, double requestsPerSecond, double p50Millis, double p99Millis, int failed) {
    }

    public record Headline(double endToEndMessagesPerSecond, double ratioToRawProducer) {
    }

    /**
     * The send guard's cost to acceptance (issue 18: at most 10%), measured in the same run on the same directory:
     * the main campaign's template and groups accepted once by a scheduler with every check off and once by one with
     * the usual modes, each freshly started, planned a year ahead and cancelled afterwards (decision 0006).
     *
     * @param guardOverheadRatio on / off: 1.10 is the limit
     */
    public record Guard(int recipients, double acceptanceGuardOffSeconds, double acceptanceGuardOnSeconds,
                        double guardOverheadRatio) {
    }

    /**
     * The console's pages for a signed-in admin, with the campaign's messages in the Events store (issue 21: every
     * page under 300 ms): p50 and p99 of the whole round trip in milliseconds, by page.
     */
    public record Pages(int campaignMessages, Map<String, Percentiles> millis) {
    }
}
