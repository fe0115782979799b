package io.missive.devstack;

import java.util.List;
import java.util.Map;

/** Just enough JSON writing for the devstack's reports and requests: maps, lists, strings, numbers. */
public final class Json {

    private Json() {
    }

    public static String write(Object value) {
        return switch (value) {
            case null -> "null";
            case Map<?, ?> map -> map.entrySet().stream()
                    .map(entry -> quote(String.valueOf(entry.getKey())) + ":" + write(entry.getValue()))
                    .reduce((a, b) -> a + "," + b).map(fields -> "{" + fields + "}").orElse("{}");
            case List<?> list -> list.stream().map(Json::write)
                    .reduce((a, b) -> a + "," + b).map(items -> "[" + items + "]").orElse("[]");
            case Number number -> number.toString();
            case Boolean bool -> bool.toString();
            default -> quote(value.toString());
        };
    }

    public static String quote(String text) {
        var quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append("\\u%04x".formatted((int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
