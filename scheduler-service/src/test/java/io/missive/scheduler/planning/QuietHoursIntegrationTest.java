package io.missive.scheduler.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.scheduler.SchedulerHttp;
import io.missive.testkit.RealInfrastructure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A campaign due outside the sending window (Mon–Sat 08:00–20:00 Europe/Paris, French public holidays) is accepted
 * with its planned time moved to the next opening, and the reply gives both times; {@code urgent} keeps the time.
 * Both DST weekends of 2027 fall next to a public holiday, so each case crosses a change of offset and a holiday.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"PUBLIC_BASE_URL=https://m.example", "missive.sending-window.enabled=true"})
class QuietHoursIntegrationTest {

    @LocalServerPort
    int port;

    SchedulerHttp http;

    @BeforeEach
    void directory() {
        http = new SchedulerHttp(port);
        assertThat(http.post("/api/v1/directory/import", Map.of("parents",
                List.of(Map.of("id", "1", "phone", "06 11 11 11 11")))).status()).isEqualTo(200);
    }

    private Map<String, Object> command(String commandId, String date, String hour, boolean urgent) {
        var command = new LinkedHashMap<String, Object>();
        command.put("commandId", commandId);
        command.put("message", "Bonjour");
        command.put("recipients", List.of(Map.of("selector", "parent.1")));
        command.put("plannedDate", date);
        command.put("plannedHour", hour);
        command.put("urgent", urgent);
        return command;
    }

    @Test
    void aSundayOnTheSpringForwardWeekendMovesPastEasterMondayToTuesdayEightOClockSummerTime() {
        var reply = http.post("/api/v1/programs", command("q-march", "2027-03-28", "10:00", false));

        assertThat(reply.status()).as(reply.raw()).isEqualTo(202);
        // Sunday 28 March 2027 10:00 CEST; Monday 29 is Easter Monday; Tuesday 08:00 CEST is 06:00 UTC.
        assertThat(reply.body().get("plannedAt").asString()).isEqualTo("2027-03-30T06:00:00Z");
        assertThat(reply.body().get("notices").toString())
                .contains("2027-03-28T08:00:00Z", "2027-03-30T06:00:00Z", "outside the sending window", "moved to");
        assertThat(http.get("/api/v1/programs/q-march").body().get("plannedAt").asString()).isEqualTo("2027-03-30T06:00:00Z");
    }

    @Test
    void aSaturdayEveningOnTheFallBackWeekendMovesPastAllSaintsToTuesdayEightOClockWinterTime() {
        var reply = http.post("/api/v1/programs", command("q-october", "2027-10-30", "20:30", false));

        assertThat(reply.status()).as(reply.raw()).isEqualTo(202);
        // Saturday 30 October 2027 20:30 CEST; Sunday the clocks go back; Monday 1 November is a holiday; 08:00 CET is 07:00 UTC.
        assertThat(reply.body().get("plannedAt").asString()).isEqualTo("2027-11-02T07:00:00Z");
        assertThat(reply.body().get("notices").toString()).contains("2027-10-30T18:30:00Z", "2027-11-02T07:00:00Z");
    }

    @Test
    void insideTheWindowNothingMovesAndNothingIsSaid() {
        var reply = http.post("/api/v1/programs", command("q-open", "2027-03-30", "09:15", false));

        assertThat(reply.body().get("plannedAt").asString()).isEqualTo("2027-03-30T07:15:00Z");
        assertThat(reply.body().get("notices")).isEmpty();
        assertThat(reply.body().get("urgent").asBoolean()).isFalse();
    }

    @Test
    void anUrgentCommandKeepsItsTimeAndTheReplySaysItIsOutsideTheWindow() {
        var reply = http.post("/api/v1/programs", command("q-urgent", "2027-03-28", "22:00", true));

        assertThat(reply.status()).as(reply.raw()).isEqualTo(202);
        assertThat(reply.body().get("plannedAt").asString()).isEqualTo("2027-03-28T20:00:00Z");
        assertThat(reply.body().get("urgent").asBoolean()).isTrue();
        assertThat(reply.body().get("notices").toString()).contains("urgent", "outside the sending window");
        assertThat(http.get("/api/v1/programs/q-urgent").body().get("urgent").asBoolean()).as("recorded").isTrue();
    }
}
