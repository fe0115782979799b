package io.missive.schemas.window;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * The eleven French public holidays of 2026 and 2027, the default of {@code missive.sending-window.holidays}.
 * A deployment extends the list in configuration before 2028 (Easter Monday, Ascension and Whit Monday move).
 */
public final class FrenchPublicHolidays {

    private FrenchPublicHolidays() {
    }

    public static final List<LocalDate> Y2026_2027 = Stream.of(
            "2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25",
            "2026-07-14", "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25",
            "2027-01-01", "2027-03-29", "2027-05-01", "2027-05-06", "2027-05-08", "2027-05-17",
            "2027-07-14", "2027-08-15", "2027-11-01", "2027-11-11", "2027-12-25").map(LocalDate::parse).toList();
}
