package io.missive.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The fault suite's CI size (about 5,000 recipients): every service killed and restarted, the
 * broker and database restarted, provider faults, duplicated and reordered receipts — and still
 * nobody messaged twice, nothing lost, nothing left unfinished; SpotHit and Aircall outages of 30 s
 * (ten minutes at full size) fail nothing, and every FAILED or EXPIRED is explained by the simulators.
 * Then two aircall-dispatchers share Aircall's limit, one killed: 0 requests over the limit, at least 95 % of it
 * used (150 messages against 60 per 20 s here, to keep CI short; 600 against 60 a minute at full size). And an RCS row: about 300 short texts as
 * RCS basic, half of them while SpotHit refuses RCS for the account, each message final, sent once as
 * RCS or once as its SMS fallback, the dispatcher's fallbacks equal to the recipients SpotHit refused.
 * The tracker is killed in the middle of its retention purge of 20,000 old messages: restarted, it redacts
 * exactly the rest, and leaves the messages that were not due as they were.
 * {@code ./missive faults} runs it at full size.
 */
class FaultSuiteIntegrationTest {

    private static final int PARENTS = 7_500;
    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final int AIRCALL_REPLICA_MESSAGES = 150;
    private static final Duration AIRCALL_WINDOW = Duration.ofSeconds(20);

    @Test
    void nothingIsLostSentTwiceOrLeftUnfinishedWhateverBreaks() {
        var root = Path.of("..").toAbsolutePath().normalize();
        // Aircall's limit on a third of its time scale (60 per 20 s, the clock margin a sixtieth of the window as in
        // production's 1 s of 60): the same limit's arithmetic, and the Aircall rows wait 20 s where they waited a minute.
        var config = StackConfig.ephemeral(root, root.resolve("devstack/target/faults"))
                .withEnvironment(FaultSuite.stackEnvironment())
                .withAircallRateLimit(60, AIRCALL_WINDOW)
                .withEnvironment(Map.of("AIRCALL_RATE_LIMIT_CLOCK_MARGIN", AIRCALL_WINDOW.dividedBy(60).toMillis() + "ms"));
        try (var stack = Stack.start(config, Duration.ofMinutes(3))) {
            // Outages scaled down from ten minutes, so that CI stays fast; still far beyond a call's retries.
            var report = new FaultSuite(stack, PARENTS, OUTAGE, AIRCALL_REPLICA_MESSAGES, line -> System.out.println("faults: " + line)).run();
            System.out.println(report.table());

            assertThat(report.accepted()).isGreaterThan(4_000);
            assertThat(report.duplicates()).as("recipients messaged twice").isZero();
            assertThat(report.lost()).as("messages lost").isZero();
            assertThat(report.notFinal()).as("messages not final").isZero();
            assertThat(report.deliveredNotAccepted()).as("delivered without reaching the provider").isZero();
            assertThat(report.overAircallLimit()).isZero();
            assertThat(report.failedByOutage()).as("messages failed because of an outage or a kill").isZero();
            assertThat(report.unexplained()).as("failures the simulators do not explain").isZero();
            assertThat(report.aircallReplicas()).satisfies(replicas -> {
                assertThat(replicas.overLimit()).as("Aircall requests over the limit, two replicas").isZero();
                assertThat(replicas.duplicates()).as("recipients messaged twice, two replicas").isZero();
                assertThat(replicas.ratePercent()).as("share of Aircall's limit used, two replicas").isGreaterThanOrEqualTo(95);
            });
            assertThat(report.rcs()).satisfies(rcs -> {
                assertThat(rcs.messages()).isGreaterThan(200);
                assertThat(rcs.notFinal()).as("RCS messages not final").isZero();
                assertThat(rcs.asRcs()).as("messages SpotHit took as RCS").isPositive();
                assertThat(rcs.spotHitFallbacks()).as("SpotHit's SMS fallbacks, against the phones without RCS")
                        .isEqualTo(rcs.notCapable()).isPositive();
                assertThat(rcs.refusedRecipients()).as("recipients of the RCS calls SpotHit refused").isPositive();
                assertThat(rcs.missiveFallbacks()).as("messages the dispatcher sent as SMS after a refusal, once each")
                        .isEqualTo(rcs.refusedRecipients());
            });
            assertThat(report.purge()).satisfies(purge -> {
                assertThat(purge.redactedBeforeKill()).as("old messages redacted when the tracker was killed")
                        .isPositive().isLessThan(purge.due());
                assertThat(purge.redactedAfterRestart()).as("redacted by the restarted tracker: the rest, once")
                        .isEqualTo(purge.due() - purge.redactedBeforeKill());
                assertThat(purge.dueLeft()).as("due messages still holding a phone or a body").isZero();
                assertThat(purge.redactedAsPolicySays()).as("redacted, status and times kept").isEqualTo(purge.due());
                assertThat(purge.notDueTouched()).as("messages not due that lost a phone or a body").isZero();
            });
            assertThat(report.tokens().tried()).isGreaterThanOrEqualTo(50);
            assertThat(report.tokens().accepted()).as("forged, expired, truncated or replayed tokens accepted: %s",
                    report.tokens().findings()).isZero();
            assertThat(report.tokens().serverErrors()).as("5xx answers to bad tokens").isZero();
            assertThat(report.passed()).isTrue();
        }
    }
}
