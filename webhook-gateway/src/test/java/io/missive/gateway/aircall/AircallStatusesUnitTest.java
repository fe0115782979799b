package io.missive.gateway.aircall;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.events.Status;
import io.missive.schemas.Statuses;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AircallStatusesUnitTest {

    @ParameterizedTest
    @CsvSource({"delivered, 1", "DELIVERED, 1", "sent, 2", "failed, 4", "undelivered, 4", " Undelivered , 4"})
    void finalWordsMapToTheirCodes(String aircall, int code) {
        assertThat(Statuses.code(AircallStatuses.toStatus(aircall))).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"queued", "sending", "accepted", "scheduled", "pending", "received", "something-new", ""})
    void anythingStillMovingIsInProgressNeverAFailure(String aircall) {
        assertThat(AircallStatuses.toStatus(aircall)).isEqualTo(Status.IN_PROGRESS);
    }
}
