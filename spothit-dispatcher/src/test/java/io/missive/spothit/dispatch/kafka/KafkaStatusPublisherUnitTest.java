package io.missive.spothit.dispatch.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.events.Status;
import io.missive.spothit.dispatch.StatusChange;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What the tracker learns from the dispatcher's statuses: the call of an unknown outcome, a parked message's next attempt. */
class KafkaStatusPublisherUnitTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void anUnknownOutcomeNamesItsCallAndNoOtherFailureDoes() {
        var unknown = KafkaStatusPublisher.event(new StatusChange.Failed("m-1", "+33600000001", "UNKNOWN_OUTCOME", 1, "batch-9"), NOW);
        var refused = KafkaStatusPublisher.event(new StatusChange.Failed("m-2", "+33600000002", "SPOTHIT_ERROR_3", 1), NOW);

        assertThat(unknown.getCallId()).isEqualTo("batch-9");
        assertThat(refused.getCallId()).isNull();
    }

    @Test
    void eachAnnouncedParkIsAnEventOfItsOwnWithTheNextAttempt() {
        var first = KafkaStatusPublisher.event(new StatusChange.Retrying("m-1", "+33600000001", 4, NOW.plusSeconds(5), 1), NOW);
        var second = KafkaStatusPublisher.event(new StatusChange.Retrying("m-1", "+33600000001", 8, NOW.plusSeconds(15), 2), NOW);
        var firstAgain = KafkaStatusPublisher.event(new StatusChange.Retrying("m-1", "+33600000001", 4, NOW.plusSeconds(5), 1), NOW);

        assertThat(first.getStatus()).isEqualTo(Status.IN_PROGRESS);
        assertThat(first.getReason()).isEqualTo(StatusChange.RETRYING);
        assertThat(first.getNextAttemptAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(second.getNextAttemptAt()).isEqualTo(NOW.plusSeconds(15));
        assertThat(second.getEventId()).isNotEqualTo(first.getEventId());
        assertThat(firstAgain.getEventId()).as("a redelivered announcement is the same event").isEqualTo(first.getEventId());
    }

    @Test
    void parksAreAnnouncedOnPowersOfTwoOnly() {
        assertThat(IntStream.rangeClosed(0, 70).filter(StatusChange.Retrying::announces).boxed().toList())
                .containsExactly(1, 2, 4, 8, 16, 32, 64);
    }
}
