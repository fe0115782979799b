package io.missive.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.schemas.window.SendingWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendingWindowUnitTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final SendingWindow window = SendingWindow.defaults(List.of(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 12, 25)));

    private static Instant paris(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), PARIS).toInstant();
    }

    @Test
    void insideTheWindowNothingMoves() {
        assertThat(window.nextOpening(paris("2026-03-03T08:00"))).isEqualTo(paris("2026-03-03T08:00"));
        assertThat(window.nextOpening(paris("2026-03-03T19:59"))).isEqualTo(paris("2026-03-03T19:59"));
    }

    @Test
    void theEveningMovesToTheNextMorningAndTheNightToThisMorning() {
        assertThat(window.nextOpening(paris("2026-03-03T20:00"))).isEqualTo(paris("2026-03-04T08:00"));
        assertThat(window.nextOpening(paris("2026-03-04T06:30"))).isEqualTo(paris("2026-03-04T08:00"));
    }

    @Test
    void saturdayEveningAndSundayMoveToMonday() {
        assertThat(window.nextOpening(paris("2026-03-07T21:00"))).isEqualTo(paris("2026-03-09T08:00"));
        assertThat(window.nextOpening(paris("2026-03-08T12:00"))).isEqualTo(paris("2026-03-09T08:00"));
    }

    @Test
    void aPublicHolidayIsClosedAllDay() {
        assertThat(window.isOpen(paris("2026-05-01T10:00"))).isFalse();
        assertThat(window.nextOpening(paris("2026-05-01T10:00"))).isEqualTo(paris("2026-05-02T08:00"));
        assertThat(window.nextOpening(paris("2026-12-24T20:30"))).isEqualTo(paris("2026-12-26T08:00"));
    }

    @Test
    void theSpringForwardWeekendKeepsEightOClockLocal() {
        // Sunday 29 March 2026: 02:00 CET becomes 03:00 CEST. Saturday night moves to Monday 08:00 CEST (06:00 UTC).
        var saturdayNight = paris("2026-03-28T22:00");
        assertThat(window.nextOpening(saturdayNight)).isEqualTo(Instant.parse("2026-03-30T06:00:00Z"));
        // The missing hour on Sunday itself.
        assertThat(window.nextOpening(Instant.parse("2026-03-29T01:30:00Z"))).isEqualTo(Instant.parse("2026-03-30T06:00:00Z"));
        // A Friday evening before it stays in winter time: Saturday 08:00 CET is 07:00 UTC.
        assertThat(window.nextOpening(paris("2026-03-27T20:15"))).isEqualTo(Instant.parse("2026-03-28T07:00:00Z"));
    }

    @Test
    void theFallBackWeekendKeepsEightOClockLocal() {
        // Sunday 25 October 2026: 03:00 CEST becomes 02:00 CET. Monday 08:00 CET is 07:00 UTC.
        assertThat(window.nextOpening(paris("2026-10-24T20:00"))).isEqualTo(Instant.parse("2026-10-26T07:00:00Z"));
        // The repeated hour (02:30 happens twice) is Sunday, closed either way.
        assertThat(window.nextOpening(Instant.parse("2026-10-25T00:30:00Z"))).isEqualTo(Instant.parse("2026-10-26T07:00:00Z"));
        assertThat(window.nextOpening(Instant.parse("2026-10-25T01:30:00Z"))).isEqualTo(Instant.parse("2026-10-26T07:00:00Z"));
        // Saturday 19:30 CEST is still open; Saturday 20:00 CEST is not.
        assertThat(window.isOpen(Instant.parse("2026-10-24T17:30:00Z"))).isTrue();
        assertThat(window.isOpen(Instant.parse("2026-10-24T18:00:00Z"))).isFalse();
    }

    @Test
    void opensEqualToClosesIsAllDay() {
        var always = new SendingWindow(java.util.EnumSet.allOf(java.time.DayOfWeek.class), java.time.LocalTime.MIDNIGHT,
                java.time.LocalTime.MIDNIGHT, PARIS, java.util.Set.of());

        assertThat(always.nextOpening(paris("2026-03-08T03:00"))).isEqualTo(paris("2026-03-08T03:00"));
        assertThat(window.nextOpening(paris("2026-03-08T03:00"))).isEqualTo(paris("2026-03-09T08:00"));
    }

    @Test
    void itDescribesItselfForTheReply() {
        assertThat(window.describe()).isEqualTo("Mon,Tue,Wed,Thu,Fri,Sat 08:00–20:00 Europe/Paris, except 2 holidays");
    }
}
