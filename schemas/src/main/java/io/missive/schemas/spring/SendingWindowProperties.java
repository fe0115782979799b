package io.missive.schemas.spring;

import io.missive.schemas.window.FrenchPublicHolidays;
import io.missive.schemas.window.SendingWindow;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Quiet hours, the same for every service that plans or retries a send ({@code missive.sending-window.*}).
 *
 * @param days     the days messages may go out (default Monday to Saturday)
 * @param opens    local opening time, included (default 08:00)
 * @param closes   local closing time, excluded (default 20:00)
 * @param zone     the zone of those times (default Europe/Paris)
 * @param holidays closed all day; default the French public holidays of 2026–2027
 * @param enabled  false opens the window all day, every day: for tests and the local stack, which run at any hour
 */
@ConfigurationProperties("missive.sending-window")
public record SendingWindowProperties(
        @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY"}) List<DayOfWeek> days,
        @DefaultValue("08:00") LocalTime opens,
        @DefaultValue("20:00") LocalTime closes,
        @DefaultValue("Europe/Paris") ZoneId zone,
        @Nullable List<LocalDate> holidays,
        @DefaultValue("true") boolean enabled) {

    /** Checked at start-up: a window that never opens or closes before it opens stops the service. */
    public SendingWindow window() {
        if (!enabled) {
            return SendingWindow.ALWAYS_OPEN;
        }
        Set<DayOfWeek> open = days.isEmpty() ? Set.of() : EnumSet.copyOf(days);
        return new SendingWindow(open, opens, closes, zone, Set.copyOf(holidays == null ? FrenchPublicHolidays.Y2026_2027 : holidays));
    }
}
