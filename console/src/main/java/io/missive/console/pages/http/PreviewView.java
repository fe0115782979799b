package io.missive.console.pages.http;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The scheduler's preview (its {@code ProgramPreview} JSON) as the compose and confirm pages show it. {@code channels}:
 * how many sendable messages take each channel (SMS, MMS, RCS_BASIC, RCS_RICH, AIRCALL) under the SpotHit dispatcher's
 * {@code rcsMode} (off, short-as-basic, always; decision 0206).
 */
record PreviewView(String commandId, long recipients, long sendable, long dropped, List<Reason> drops, List<Reason> failures,
                   long smsUnits, Map<String, Object> encodings, List<Sample> samples, String guard, String provider,
                   @Nullable String aircallNumberId, String channel, String askedAt, String plannedAt, boolean moved,
                   List<String> notices, @Nullable Instant plannedInstant, Map<String, Object> channels, @Nullable String rcsMode) {

    record Reason(String reason, long count, List<Named> recipients) {
    }

    record Named(String recipient, @Nullable String name) {
    }

    record Sample(String recipient, @Nullable String parentName, String body, long characters, long segments, String encoding,
                  @Nullable String ucs2Character, String channel, List<Object> missing) {
    }

    public boolean held() {
        return !"PASS".equals(guard);
    }

    static PreviewView of(Map<String, Object> json) {
        var asked = Views.instant(json, "askedAt");
        var planned = Views.instant(json, "plannedAt");
        var samples = Views.list(json, "samples").stream().map(s -> new Sample(String.valueOf(s.get("recipient")),
                Views.text(s, "parentName"), String.valueOf(s.get("body")), Views.number(s, "characters"), Views.number(s, "segments"),
                String.valueOf(s.get("encoding")), Views.text(s, "ucs2Character"), String.valueOf(s.get("channel")),
                s.get("missing") instanceof List<?> l ? List.copyOf(l) : List.of())).toList();
        List<String> notices = json.get("notices") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
        return new PreviewView(String.valueOf(json.get("commandId")), Views.number(json, "recipients"), Views.number(json, "sendable"),
                Views.number(json, "dropped"), reasons(Views.map(json, "drops")), reasons(Views.map(json, "failures")),
                Views.number(json, "smsUnits"), Views.map(json, "encodings"), samples, String.valueOf(json.get("guard")),
                String.valueOf(json.get("provider")), Views.text(json, "aircallNumberId"), String.valueOf(json.get("channel")),
                Views.longTime(asked), Views.longTime(planned), asked != null && planned != null && !asked.equals(planned), notices,
                planned, Views.map(json, "channels"), Views.text(json, "rcsMode"));
    }

    @SuppressWarnings("unchecked")
    private static List<Reason> reasons(Map<String, Object> byReason) {
        var reasons = new ArrayList<Reason>();
        byReason.forEach((reason, value) -> {
            var tally = value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.<String, Object>of();
            var named = Views.list(tally, "recipients").stream()
                    .map(n -> new Named(String.valueOf(n.get("recipient")), Views.text(n, "name"))).toList();
            reasons.add(new Reason(reason, Views.number(tally, "count"), named));
        });
        return reasons;
    }
}
