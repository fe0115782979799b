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
 * {@code picked}: the recipients chosen with the pickers, each "{@code selector name}" ({@code parent.42 Élodie}: the
 * selector for the command, the name to show on its chip again); {@code recipients}: those typed by hand.
 */
public record ComposeForm(@Nullable String commandId, @Nullable String message, @Nullable String recipients,
                          @Nullable String plannedDate, @Nullable String plannedHour, @Nullable String provider,
                          @Nullable String aircallNumberId, @Nullable String redirectionTargetId, @Nullable String attachmentUrl,
                          @Nullable String supporterId, @Nullable String workshopId, @Nullable String purpose,
                          @Nullable Boolean urgent, @Nullable Boolean quitMessage, @Nullable List<String> picked) {

    /** A recipient chosen with a picker: what the command takes, and the name its chip shows. */
    public record Pick(String selector, String name) {

        /** {@code group.12}, {@code tag.3}, {@code parent.42}, {@code child.7}: what the pickers offer. */
        public static boolean isSelector(String selector) {
            return selector.matches("(group|tag|parent|child)\\.\\S{1,64}");
        }

        /** How it travels in the form: the selector, a space, the name. */
        public String value() {
            return name.isBlank() ? selector : selector + " " + name;
        }

        static @Nullable Pick parse(String value) {
            var text = value.strip();
            int space = text.indexOf(' ');
            var selector = space < 0 ? text : text.substring(0, space);
            return isSelector(selector) ? new Pick(selector, space < 0 ? "" : text.substring(space + 1).strip()) : null;
        }
    }

    /** A new form; {@code aircallNumberId}: the person's own Aircall number, if they have one. */
    public static ComposeForm blank(@Nullable String aircallNumberId) {
        return new ComposeForm("console-" + UUID.randomUUID(), "", "", null, null, "AUTO", aircallNumberId, null, null, null, null, null,
                false, false, List.of());
    }

    /** The recipients chosen with the pickers, in the order they were chosen, each once. */
    public List<Pick> picks() {
        return picksOf(picked);
    }

    /** The picks that chips' values ({@link Pick#value()}) carry; what is not a picker's selector is left out. */
    public static List<Pick> picksOf(@Nullable List<String> values) {
        var picks = new LinkedHashMap<String, Pick>();
        if (values != null) {
            for (var value : values) {
                var pick = value == null ? null : Pick.parse(value);
                if (pick != null) {
                    picks.putIfAbsent(pick.selector(), pick);
                }
            }
        }
        return List.copyOf(picks.values());
    }

    /**
     * The recipients: those picked, then those typed one per line (or separated by commas), selectors such as
     * {@code group.12} or phone numbers; a selector both picked and typed counts once.
     */
    public List<String> recipientLines() {
        var picked = picks().stream().map(Pick::selector).toList();
        var lines = new ArrayList<String>(picked);
        if (recipients != null) {
            for (var part : recipients.split("[\\r\\n,;]+")) {
                var line = part.strip();
                if (!line.isEmpty() && !picked.contains(line)) {
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
