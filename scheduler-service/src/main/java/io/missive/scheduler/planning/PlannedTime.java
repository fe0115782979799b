package io.missive.scheduler.planning;

import io.missive.scheduler.CommandRejectedException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * When a campaign is due. Date and hour are wall-clock time in Europe/Paris: on the spring-forward
 * day a time in the missing hour moves forward by the gap (02:30 → 03:30 CEST); on the fall-back day
 * an ambiguous time takes its first occurrence (CEST). A time in the past means "now".
 */
public final class PlannedTime {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private PlannedTime() {
    }

    public static Instant resolve(@Nullable String date, @Nullable String hour, @Nullable String instant, Clock clock) {
        var now = clock.instant();
        Instant planned;
        if (instant != null && !instant.isBlank()) {
            planned = parseInstant(instant.strip());
        } else if (date != null && !date.isBlank()) {
            if (hour == null || hour.isBlank()) {
                throw new CommandRejectedException("INVALID_PLANNED_TIME", "plannedDate needs a plannedHour (HH:mm, Europe/Paris)");
            }
            planned = parisWallClock(date.strip(), hour.strip());
        } else if (hour != null && !hour.isBlank()) {
            throw new CommandRejectedException("INVALID_PLANNED_TIME", "plannedHour needs a plannedDate (yyyy-MM-dd)");
        } else {
            planned = now;
        }
        return planned.isBefore(now) ? now : planned;
    }

    /** Europe/Paris wall-clock time to an instant, with the DST rules described above. */
    public static Instant parisWallClock(String date, String hour) {
        try {
            var local = LocalDateTime.of(LocalDate.parse(date), LocalTime.parse(hour));
            return ZonedDateTime.ofLocal(local, PARIS, null).toInstant();
        } catch (DateTimeParseException e) {
            throw new CommandRejectedException("INVALID_PLANNED_TIME",
                    "plannedDate/plannedHour '" + date + " " + hour + "' is not yyyy-MM-dd HH:mm");
        }
    }

    private static Instant parseInstant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new CommandRejectedException("INVALID_PLANNED_TIME",
                        "plannedAt '" + text + "' is not an ISO-8601 instant such as 2026-03-29T08:00:00Z");
            }
        }
    }

    /** For replies: {@code 2026-03-07T21:00:00Z (samedi 7 mars 2026 22:00 Europe/Paris)}, the instant and its local time. */
    public static String describe(java.time.Instant at, java.time.ZoneId zone) {
        return at + " (" + java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy HH:mm", java.util.Locale.FRENCH)
                .format(at.atZone(zone)) + " " + zone + ")";
    }
}
