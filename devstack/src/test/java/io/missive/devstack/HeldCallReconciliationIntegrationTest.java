package io.missive.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.missive.simulators.spothit.SpotHitSimulatorConfig.ReceiptPlan;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A SpotHit call accepted and then held past the dispatcher's timeout leaves its messages FAILED
 * UNKNOWN_OUTCOME; the receipts SpotHit sends for them reconcile them (decision 0504): the whole system,
 * each service in its own JVM, the simulator calling the gateway back.
 */
class HeldCallReconciliationIntegrationTest {

    private static final int PARENTS = 120;
    private static final String CAMPAIGN = "held-call-campaign";

    @Test
    void aHeldCallIsReconciledFromItsReceiptsAndNobodyIsMessagedTwice() throws Exception {
        var root = Path.of("..").toAbsolutePath().normalize();
        var config = StackConfig.ephemeral(root, root.resolve("devstack/target/held-call"))
                .withEnvironment(Map.of(
                        "MISSIVE_RCS_MODE", "off",
                        "SPOT_HIT_BATCH_SIZE", "20",
                        "MISSIVE_SPOTHIT_DISPATCH_CALLTIMEOUT", "3s",
                        "MISSIVE_TRACKER_RECONCILIATION_GRACE", "2s"));
        try (var stack = Stack.start(config, Duration.ofMinutes(3)); var http = new StackHttp(stack)) {
            var spotHit = stack.simulators().spotHit();
            spotHit.receipts(ReceiptPlan.allDelivered(stack.spotHitCallbackUrl("/spot_hit/status")));
            spotHit.faults().holdAfterAccepting(1, Duration.ofSeconds(15));
            var directory = DemoDirectory.generate(PARENTS);
            directory.importInto(stack);
            var groups = directory.summary().activeGroupIds().stream().map(id -> "{\"selector\":\"group." + id + "\"}")
                    .collect(Collectors.joining(","));
            var reply = http.program("""
                    {"commandId":"%s","plannedAt":"%s","recipients":[%s],"message":"Bonjour {PRENOM_ENFANT}"}"""
                    .formatted(CAMPAIGN, Instant.now(), groups));
            assertThat(reply.statusCode()).as(reply.body()).isBetween(200, 202);
            int accepted = StackHttp.json(reply.body()).path("accepted").asInt();

            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> http.campaignCounts(CAMPAIGN).getOrDefault("DELIVERED", 0) == accepted);

            int held = spotHit.heldRecipients();
            assertThat(held).as("one call was held after SpotHit took it").isPositive();
            assertThat(reconciled(stack)).as("its messages reconciled from their receipts").isEqualTo(held);
            assertThat(spotHit.duplicatedPhones()).as("nobody messaged twice").isEmpty();
            assertThat(spotHit.acceptedPhones()).hasSize(accepted);
        }
    }

    /** Messages of the campaign whose history holds the tracker's reconciliation after an UNKNOWN_OUTCOME. */
    private static int reconciled(Stack stack) throws Exception {
        var infrastructure = stack.infrastructure();
        try (var connection = DriverManager.getConnection(infrastructure.jdbcUrl("missive"), infrastructure.jdbcUsername(),
                infrastructure.jdbcPassword());
             var statement = connection.prepareStatement("""
                     select count(distinct r.message_id) from tracker.status_history r
                     join tracker.status_history f on f.message_id = r.message_id and f.status = 4 and f.reason = 'UNKNOWN_OUTCOME'
                     join tracker.text_message_events m on m.message_id = r.message_id
                     where m.campaign_id = ? and r.source = 'status-tracker:reconciliation' and r.status = 2""")) {
            statement.setString(1, CAMPAIGN);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
