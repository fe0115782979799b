package io.missive.aircall.cards;

import io.missive.aircall.directory.Caller;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the agent sees while the phone rings: a {@code title} and {@code shortText} lines (label, text),
 * Aircall's card blocks. Written in French, the supporters' language.
 */
public record InsightCard(String title, List<Line> lines) {

    /** The card of a number the directory does not know (or a hidden number). */
    public static final String UNKNOWN = "Information indisponible";
    static final String CHILDREN = "Enfants";
    static final String LAST_MESSAGE = "Dernier message";
    static final String STATUS = "Statut";
    /** Aircall shows a short text on one or two lines: a long SMS is cut. */
    static final int MAX_TEXT = 120;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM HH:mm");

    public InsightCard {
        lines = List.copyOf(lines);
    }

    public record Line(String label, String text) {
    }

    public static InsightCard unknownCaller() {
        return new InsightCard(UNKNOWN, List.of());
    }

    /** The card of a known parent, with the last message this line sent them if there is one. */
    public static InsightCard of(Caller caller, Optional<LastMessage> last, ZoneId zone) {
        var title = caller.firstName() == null || caller.firstName().isBlank() ? "Parent" : caller.firstName().strip();
        var lines = new ArrayList<Line>();
        lines.add(new Line(CHILDREN, caller.childrenFirstNames().isEmpty() ? "Aucun enfant connu"
                : String.join(", ", caller.childrenFirstNames())));
        if (last.isPresent()) {
            var message = last.get();
            lines.add(new Line(LAST_MESSAGE, "« " + shortened(message.body().strip()) + " » ("
                    + WHEN.format(message.receivedAt().atZone(zone)) + ")"));
            lines.add(new Line(STATUS, switch (message.state()) {
                case PENDING, SENDING -> "En cours d'envoi";
                case SENT -> "Envoyé";
                case FAILED -> "Échec";
            }));
        } else {
            lines.add(new Line(LAST_MESSAGE, "Aucun message envoyé par cette ligne"));
        }
        return new InsightCard(title, lines);
    }

    private static String shortened(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1).strip() + "…";
    }
}
