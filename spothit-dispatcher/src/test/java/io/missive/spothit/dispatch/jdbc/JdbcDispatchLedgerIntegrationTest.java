package io.missive.spothit.dispatch.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.missive.spothit.dispatch.BulkSms;
import io.missive.spothit.dispatch.DispatchState;
import io.missive.spothit.dispatch.Parking;
import io.missive.spothit.dispatch.RequestedMessage;
import io.missive.testkit.RealInfrastructure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The ledger's guards on the real database: a message is claimed once, only one of two racing
 * dispatchers moves it to SENDING, and a late settlement cannot undo the recovery's.
 */
@RealInfrastructure
@SpringBootTest(properties = {"missive.spothit.api-key=ledger-key", "missive.spothit.dispatch.recovery-interval=1h"})
class JdbcDispatchLedgerIntegrationTest {

    @Autowired
    JdbcDispatchLedger ledger;

    private static List<RequestedMessage> messages(String campaign, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> new RequestedMessage(campaign + "-" + i, campaign, "+336100000%02d".formatted(i), "Bonjour",
                        "Bonjour", Map.of(), null))
                .toList();
    }

    private static BulkSms call(List<RequestedMessage> messages) {
        return new BulkSms(UUID.randomUUID(), messages.getFirst().campaignId(), "Bonjour", false, null,
                messages.stream().map(m -> new BulkSms.Recipient(m.messageId(), m.phone(), Map.of())).toList());
    }

    @Test
    void aMessageIsClaimedOnceAndARedeliveryFindsItsState() {
        var messages = messages("claim", 3);

        var first = ledger.claim(messages);
        ledger.startSending(call(messages.subList(0, 1)), DispatchState.PENDING);
        var again = ledger.claim(messages);

        assertThat(first.values()).extracting(e -> e.state()).containsOnly(DispatchState.PENDING);
        assertThat(again.get("claim-0").state()).isEqualTo(DispatchState.SENDING);
        assertThat(again.get("claim-1").state()).isEqualTo(DispatchState.PENDING);
    }

    @Test
    void ofTwoDispatchersRacingForTheSameMessagesOnlyOneSendsEach() {
        var messages = messages("race", 10);
        ledger.claim(messages);

        var mine = ledger.startSending(call(messages), DispatchState.PENDING);
        var theirs = ledger.startSending(call(messages.subList(5, 10)), DispatchState.PENDING);

        assertThat(mine).hasSize(10);
        assertThat(theirs).isEmpty();
    }

    @Test
    void aLateSettlementDoesNotOverrideTheRecoveryOfAStuckCall() {
        var messages = messages("stuck", 2);
        ledger.claim(messages);
        var sms = call(messages);
        ledger.startSending(sms, DispatchState.PENDING);

        var stuck = await("the call to count as stuck after a second").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> ledger.stuckSending(Duration.ofSeconds(1), 100).stream()
                        .filter(entry -> entry.campaignId().equals("stuck")).toList(), found -> found.size() == 2);
        var recovered = ledger.settleFailed(stuck.stream().map(e -> e.messageId()).toList(), DispatchState.SENDING, "UNKNOWN_OUTCOME", 1);
        var late = ledger.settleSent(sms, "4200001", 1, null);

        assertThat(recovered).hasSize(2).allSatisfy(e -> assertThat(e.reason()).isEqualTo("UNKNOWN_OUTCOME"));
        assertThat(late).as("nothing left to settle, nothing announced twice").isEmpty();
        assertThat(ledger.claim(messages).values()).extracting(e -> e.state()).containsOnly(DispatchState.FAILED);
    }

    @Test
    void whileSpotHitIsAwayMessagesAreParkedUnclaimedAndOnlyThoseStillInTheStateAsked() {
        var messages = messages("away", 4);
        ledger.claim(messages);
        var parking = new Parking(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofHours(4));
        // Another dispatcher took the first message meanwhile: it is SENDING in its call, not this one's to park.
        ledger.startSending(call(messages.subList(0, 1)), DispatchState.PENDING);

        var parked = ledger.park(call(messages), DispatchState.PENDING, messages, "SPOTHIT_UNAVAILABLE: circuit open", 0, parking);

        assertThat(parked.parked()).isEqualTo(3);
        assertThat(parked.gaveUp()).isEmpty();
        var states = ledger.claim(messages);
        assertThat(states.get("away-0").state()).isEqualTo(DispatchState.SENDING);
        assertThat(List.of("away-1", "away-2", "away-3")).allSatisfy(id -> {
            assertThat(states.get(id).state()).isEqualTo(DispatchState.PARKED);
            assertThat(states.get(id).attempts()).as("no call was made").isZero();
        });
        // A parked message not yet due is left alone by a second park from PARKED: it was not picked as due.
        assertThat(ledger.park(call(messages), DispatchState.PARKED, messages, "again", 0, parking).parked()).isZero();
    }
}
