package io.missive.console.pages.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the compose page sends: the fields of a program command as a person fills them in. The command id
 * is chosen when the page opens and travels with every preview, so the preview's message ids are the
 * ones the campaign will have, and programming twice (a double click) is one campaign.
 */
public record ComposeForm(@Nullable String commandId, @Nullable String message, @Nullable String recipients,
                          @Nullable String plannedDate, @Nullable String plannedHour, @Nullable String provider,
                          @Nullable String aircallNumberId, @Nullable String redirectionTargetId, @Nullable String attachmentUrl,
                          @Nullable String supporterId, @Nullable String workshopId, @Nullable String purpose,
                          @Nullable Boolean urgent, @Nullable Boolean quitMessage) {

    public static ComposeForm blank() {
        return new ComposeForm("console-" + UUID.randomUUID(), "", "", null, null, "AUTO", null, null, null, null, null, null,
                false, false);
    }

    /** The recipients, one per line (or separated by commas): selectors such as {@code group.12}, or phone numbers. */
    public List<String> recipientLines() {
        var lines = new ArrayList<String>();
        if (recipients != null) {
            for (var part : recipients.split("[\\r\\n,;]+")) {
                var line = part.strip();
                if (!line.isEmpty()) {
                    lines.add(line);
                }
            }
        }
        return lines;
    }

    /** The program command's JSON, as the scheduler's {@code POST /api/v1/programs} (and its preview) read it. */
    public Map<String, Object> toCommand() {
        var command = new LinkedHashMap<String, Object>();
        command.put("commandId", commandId == null || commandId.isBlank() ? "console-" + UUID.randomUUID() : commandId);
        command.put("message", message == null ? "" : message);
        command.put("recipients", recipientLines().stream().map(ComposeForm::recipient).toList());
        put(command, "plannedDate", plannedDate);
        put(command, "plannedHour", plannedHour);
        if (plannedDate == null || plannedDate.isBlank()) {
            command.remove("plannedHour");
        }
        put(command, "provider", provider == null ? null : provider.toUpperCase(Locale.ROOT));
        put(command, "aircallNumberId", aircallNumberId);
        put(command, "redirectionTargetId", redirectionTargetId);
        put(command, "supporterId", supporterId);
        put(command, "workshopId", workshopId);
        put(command, "purpose", purpose);
        if (Boolean.TRUE.equals(urgent)) {
            command.put("urgent", true);
        }
        if (Boolean.TRUE.equals(quitMessage)) {
            command.put("quitMessage", true);
        }
        if (attachmentUrl != null && !attachmentUrl.isBlank()) {
            var url = attachmentUrl.strip();
            var path = URI.create(url.replace(" ", "%20")).getPath();
            var fileName = path == null || path.isEmpty() ? "piece-jointe" : path.substring(path.lastIndexOf('/') + 1);
            command.put("attachment", Map.of("fileName", fileName.isEmpty() ? "piece-jointe" : fileName,
                    "contentType", contentType(fileName), "url", url));
        }
        return command;
    }

    private static Map<String, Object> recipient(String line) {
        // A phone is digits (a leading + allowed, spaces and dots ignored); anything else is a selector.
        var compact = line.replaceAll("[\\s.]", "");
        return compact.matches("\\+?\\d{6,15}") ? Map.of("phone", compact) : Map.of("selector", line);
    }

    private static void put(Map<String, Object> command, String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            command.put(name, value.strip());
        }
    }

    private static String contentType(String fileName) {
        var name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return "image/png";
        }
        if (name.endsWith(".gif")) {
            return "image/gif";
        }
        if (name.endsWith(".pdf")) {
            return "application/pdf";
        }
        if (name.endsWith(".mp4")) {
            return "video/mp4";
        }
        return "image/jpeg";
    }
}
