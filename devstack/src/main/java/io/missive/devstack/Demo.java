package io.missive.devstack;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code ./missive demo}: programs a personalised SpotHit campaign to every active parent and one
 * Aircall {@code call0_goals} message, then shows their progress live until every message is final.
 * The demo's stack keeps quiet hours: those two say {@code urgent} so that they go now at any hour, and a
 * third, asked for a Sunday morning, shows the sending window moving it (both times printed).
 */
final class Demo {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy HH:mm VV", Locale.ENGLISH);
    private static final String[] STATUSES = {"PENDING", "IN_PROGRESS", "SENT", "DELIVERED", "FAILED", "EXPIRED"};

    private final DemoDirectory.Summary directory;
    private final StackHttp http;

    Demo(Stack stack, DemoDirectory.Summary directory) {
        this.directory = directory;
        this.http = new StackHttp(stack);
    }

    void run() throws InterruptedException {
        try (http) {
            quietHours();
            follow();
        }
    }

    /** A campaign asked for next Sunday 10:00 in Paris is accepted for the next opening of the sending window. */
    private void quietHours() {
        var paris = ZoneId.of("Europe/Paris");
        var sunday = LocalDate.now(paris).with(TemporalAdjusters.next(DayOfWeek.SUNDAY)).atTime(10, 0).atZone(paris);
        var campaign = "demo-quiet-hours-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            var response = http.program("""
                    {"commandId":"%s","plannedAt":"%s","recipients":[{"selector":"parent.1"}],
                     "message":"Bon dimanche ! L'atelier reprend la semaine prochaine."}""".formatted(campaign, sunday.toInstant()));
            var reply = StackHttp.json(response.body());
            var planned = Instant.parse(reply.path("plannedAt").asText()).atZone(paris);
            System.out.printf("demo: quiet hours: %s asked for %s, planned for %s%n", campaign, WHEN.format(sunday), WHEN.format(planned));
            reply.path("notices").forEach(notice -> System.out.println("      " + notice.asText()));
        } catch (RuntimeException e) {
            System.out.println("demo: quiet hours: failed: " + e.getMessage());
        }
    }

    private void follow() throws InterruptedException {
        var campaign = "demo-" + UUID.randomUUID().toString().substring(0, 8);
        var recipients = directory.activeGroupIds().stream()
                .map(id -> "{\"selector\":\"group." + id + "\"}")
                .collect(Collectors.joining(","));
        var reply = program("""
                {"commandId":"%s","plannedAt":"%s","recipients":[%s],
                 "message":"Bonjour ! {PRENOM_ENFANT} a une nouvelle vidéo à découvrir : {URL} — {PRENOM_ACCOMPAGNANTE}",
                 "redirectionTargetId":"%s","provider":"SPOTHIT","urgent":true}""".formatted(
                campaign, Instant.now(), recipients, DemoDirectory.REDIRECTION_TARGET_ID));
        System.out.println("demo: programmed " + campaign + " → " + reply);
        var aircall = campaign + "-aircall";
        var aircallReply = program("""
                {"commandId":"%s","plannedAt":"%s","recipients":[{"selector":"parent.1"}],
                 "message":"Bonjour, suite à notre appel, voici vos objectifs. {PRENOM_ACCOMPAGNANTE}",
                 "supporterId":"%s","provider":"AUTO","purpose":"call0_goals","urgent":true}""".formatted(
                aircall, Instant.now(), DemoDirectory.supporterOf(1, directory)));
        System.out.println("demo: programmed " + aircall + " → " + aircallReply);

        var deadline = Instant.now().plus(Duration.ofMinutes(5));
        Map<String, Long> counts = Map.of();
        while (Instant.now().isBefore(deadline)) {
            counts = merge(counts(campaign), counts(aircall));
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            long open = counts.getOrDefault("PENDING", 0L) + counts.getOrDefault("IN_PROGRESS", 0L) + counts.getOrDefault("SENT", 0L);
            System.out.print("\r" + progressLine(counts, total));
            if (total > 0 && open == 0) {
                break;
            }
            Thread.sleep(500);
        }
        System.out.println();
        System.out.println(summaryTable(counts));
    }

    private String program(String json) {
        try {
            var response = http.program(json);
            return response.statusCode() + " " + abbreviate(response.body());
        } catch (IllegalStateException e) {
            return "failed: " + e.getMessage();
        }
    }

    /** Counts per status name from the tracker's campaign view. */
    private Map<String, Long> counts(String campaign) {
        var counts = new LinkedHashMap<String, Long>();
        http.campaignCounts(campaign).forEach((status, count) -> counts.put(status, count.longValue()));
        return counts;
    }

    private static Map<String, Long> merge(Map<String, Long> a, Map<String, Long> b) {
        var merged = new LinkedHashMap<>(a);
        b.forEach((status, count) -> merged.merge(status, count, Long::sum));
        return merged;
    }

    static String progressLine(Map<String, Long> counts, long total) {
        long done = counts.getOrDefault("DELIVERED", 0L) + counts.getOrDefault("FAILED", 0L) + counts.getOrDefault("EXPIRED", 0L);
        int width = 30;
        int filled = total == 0 ? 0 : (int) (width * done / total);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] "
                + "pending %d · in progress %d · sent %d · delivered %d · failed %d · expired %d".formatted(
                counts.getOrDefault("PENDING", 0L), counts.getOrDefault("IN_PROGRESS", 0L), counts.getOrDefault("SENT", 0L),
                counts.getOrDefault("DELIVERED", 0L), counts.getOrDefault("FAILED", 0L), counts.getOrDefault("EXPIRED", 0L));
    }

    static String summaryTable(Map<String, Long> counts) {
        var table = new StringBuilder("\n  status        messages\n  ------------  --------\n");
        long total = 0;
        for (var status : STATUSES) {
            long count = counts.getOrDefault(status, 0L);
            total += count;
            table.append("  %-12s  %8d%n".formatted(status, count));
        }
        return table.append("  %-12s  %8d%n".formatted("total", total)).toString();
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
