package io.missive.console.pages.http;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Reading the services' JSON (plain maps) for the pages: numbers, lists, maps and times in Europe/Paris. */
final class Views {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'à' HH:mm", Locale.FRENCH);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm", Locale.FRENCH);

    private Views() {
    }

    static long number(Map<String, Object> json, String name) {
        return json.get(name) instanceof Number n ? n.longValue() : 0;
    }

    static @Nullable String text(Map<String, Object> json, String name) {
        var value = json.get(name);
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> json, String name) {
        return json.get(name) instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> json, String name) {
        return json.get(name) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static @Nullable Instant instant(Map<String, Object> json, String name) {
        var value = text(json, name);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** "mercredi 2 décembre 2026 à 14:30", in Europe/Paris. */
    static String longTime(@Nullable Instant at) {
        return at == null ? "" : SHOWN.format(at.atZone(PARIS));
    }

    static String shortTime(@Nullable Instant at) {
        return at == null ? "" : SHORT.format(at.atZone(PARIS));
    }

    static int percent(long part, long whole) {
        return whole <= 0 ? 0 : (int) Math.min(100, part * 100 / whole);
    }
}
