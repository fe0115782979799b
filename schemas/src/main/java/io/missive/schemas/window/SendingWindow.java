package io.missive.schemas.window;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When messages may reach a family: on {@code days}, between {@code opens} (included) and {@code closes} (excluded),
 * local time in {@code zone}, except on {@code holidays}; {@code opens} equal to {@code closes} means all day. Local
 * times are resolved with the zone's rules of that day, so a window keeps its wall-clock hours across the changes to
 * and from summer time.
 */
public record SendingWindow(Set<DayOfWeek> days, LocalTime opens, LocalTime closes, ZoneId zone, Set<LocalDate> holidays) {

    /** Monday to Saturday, 08:00–20:00, Europe/Paris. */
    public static final Set<DayOfWeek> DEFAULT_DAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY);

    /** Every day, all day: no quiet hours. */
    public static final SendingWindow ALWAYS_OPEN = new SendingWindow(java.util.EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT,
            LocalTime.MIDNIGHT, ZoneId.of("Europe/Paris"), Set.of());

    public SendingWindow {
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a sending window needs at least one day");
        }
        if (opens.isAfter(closes)) {
            throw new IllegalArgumentException("a sending window opens before it closes, got " + opens + "–" + closes);
        }
        days = Set.copyOf(days);
        holidays = Set.copyOf(holidays);
    }

    /** The default window with the given public holidays. */
    public static SendingWindow defaults(List<LocalDate> holidays) {
        return new SendingWindow(DEFAULT_DAYS, LocalTime.of(8, 0), LocalTime.of(20, 0), ZoneId.of("Europe/Paris"), Set.copyOf(holidays));
    }

    public boolean isOpen(Instant at) {
        var local = at.atZone(zone);
        var time = local.toLocalTime();
        return openDay(local.toLocalDate()) && (allDay() || !time.isBefore(opens) && time.isBefore(closes));
    }

    /** {@code at} itself when the window is open then, otherwise the next time it opens. */
    public Instant nextOpening(Instant at) {
        if (isOpen(at)) {
            return at;
        }
        var local = at.atZone(zone);
        var date = local.toLocalDate();
        if (!openDay(date) || !local.toLocalTime().isBefore(opens)) {
            date = date.plusDays(1);
        }
        for (int i = 0; i < 366 * 2; i++, date = date.plusDays(1)) {
            if (openDay(date)) {
                return ZonedDateTime.of(date, opens, zone).toInstant();
            }
        }
        throw new IllegalStateException("the sending window never opens in the next two years: " + this);
    }

    private boolean allDay() {
        return opens.equals(closes);
    }

    private boolean openDay(LocalDate date) {
        return days.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    /** For people: {@code Mon–Sat 08:00–20:00 Europe/Paris, 11 holidays}. */
    public String describe() {
        var names = days.stream().sorted().map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).collect(Collectors.joining(","));
        return names + " " + opens + "–" + closes + " " + zone + (holidays.isEmpty() ? "" : ", except " + holidays.size() + " holidays");
    }
}
