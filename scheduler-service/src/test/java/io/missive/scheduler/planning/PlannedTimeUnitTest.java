package io.missive.scheduler.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.missive.scheduler.CommandRejectedException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PlannedTimeUnitTest {

    private static final Clock LONG_AGO = Clock.fixed(Instant.parse("2020-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void winterAndSummerHoursFollowParisOffsets() {
        assertThat(PlannedTime.resolve("2026-01-15", "14:30", null, LONG_AGO)).isEqualTo(Instant.parse("2026-01-15T13:30:00Z"));
        assertThat(PlannedTime.resolve("2026-07-15", "14:30", null, LONG_AGO)).isEqualTo(Instant.parse("2026-07-15T12:30:00Z"));
    }

    @Test
    void springForwardDay() {
        // 29 March 2026: 02:00 CET jumps to 03:00 CEST.
        assertThat(PlannedTime.resolve("2026-03-29", "01:30", null, LONG_AGO)).isEqualTo(Instant.parse("2026-03-29T00:30:00Z"));
        assertThat(PlannedTime.resolve("2026-03-29", "02:30", null, LONG_AGO))
                .as("a time in the missing hour moves forward by the gap").isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
        assertThat(PlannedTime.resolve("2026-03-29", "03:30", null, LONG_AGO)).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
        assertThat(PlannedTime.resolve("2026-03-29", "10:00", null, LONG_AGO)).isEqualTo(Instant.parse("2026-03-29T08:00:00Z"));
    }

    @Test
    void fallBackDay() {
        // 25 October 2026: 03:00 CEST goes back to 02:00 CET; 02:30 happens twice, the first (CEST) is taken.
        assertThat(PlannedTime.resolve("2026-10-25", "02:30", null, LONG_AGO)).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(PlannedTime.resolve("2026-10-25", "03:30", null, LONG_AGO)).isEqualTo(Instant.parse("2026-10-25T02:30:00Z"));
        assertThat(PlannedTime.resolve("2026-10-25", "10:00", null, LONG_AGO)).isEqualTo(Instant.parse("2026-10-25T09:00:00Z"));
    }

    @Test
    void anIsoInstantIsTakenAsIs() {
        assertThat(PlannedTime.resolve(null, null, "2026-03-29T08:00:00Z", LONG_AGO)).isEqualTo(Instant.parse("2026-03-29T08:00:00Z"));
        assertThat(PlannedTime.resolve(null, null, "2026-03-29T10:00:00+02:00", LONG_AGO)).isEqualTo(Instant.parse("2026-03-29T08:00:00Z"));
    }

    @Test
    void pastOrAbsentMeansNow() {
        var now = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
        assertThat(PlannedTime.resolve("2026-11-24", "10:00", null, now)).isEqualTo(now.instant());
        assertThat(PlannedTime.resolve(null, null, null, now)).isEqualTo(now.instant());
    }

    @Test
    void malformedTimesAreRejectedWithTheValue() {
        assertThatThrownBy(() -> PlannedTime.resolve("2026-02-30", "10:00", null, LONG_AGO))
                .isInstanceOf(CommandRejectedException.class).hasMessageContaining("2026-02-30");
        assertThatThrownBy(() -> PlannedTime.resolve("2026-02-10", "25:00", null, LONG_AGO))
                .isInstanceOf(CommandRejectedException.class).hasMessageContaining("25:00");
        assertThatThrownBy(() -> PlannedTime.resolve("2026-02-10", null, null, LONG_AGO))
                .isInstanceOf(CommandRejectedException.class).hasMessageContaining("plannedHour");
        assertThatThrownBy(() -> PlannedTime.resolve(null, null, "tomorrow", LONG_AGO))
                .isInstanceOf(CommandRejectedException.class).hasMessageContaining("tomorrow");
    }
}
