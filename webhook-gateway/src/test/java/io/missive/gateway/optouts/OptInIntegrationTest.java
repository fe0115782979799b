package io.missive.gateway.optouts;

import static io.missive.gateway.GatewayHttp.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.missive.events.InboundKind;
import io.missive.events.InboundMessage;
import io.missive.events.AuditRecorded;
import io.missive.events.OptOut;
import io.missive.events.Provider;
import io.missive.gateway.GatewayClientTest;
import io.missive.schemas.optouts.kafka.KafkaOptOutSet;
import io.missive.schemas.topics.Topics;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.kafka.KafkaProbe;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Opting back in, both ways: staff revoking with an author and a reason, and a START/UNSTOP reply through a provider. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "missive.gateway.aircall.message-token=" + OptInIntegrationTest.MESSAGE_TOKEN, "missive.gateway.aircall.call-token=c",
        "missive.gateway.aircall.event-message-status-updated-token=s"})
class OptInIntegrationTest extends GatewayClientTest {

    static final String MESSAGE_TOKEN = "msg-optin";
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    KafkaOptOutSet optOutSet;

    @Test
    void aRevokeWithAuthorAndReasonOptsAStoppedPhoneBackIn(TestNamespace namespace) {
        try (var optOuts = KafkaProbe.fromNow(namespace, Topics.OPTOUTS); var audit = KafkaProbe.fromNow(namespace, Topics.AUDIT)) {
            assertThat(http.get("/spot_hit/stop" + query("numero", "06 71 00 00 01", "id", "stop-1")).statusCode()).isEqualTo(200);
            await().atMost(WAIT).until(() -> optOutSet.optedOut("+33671000001"));

            var revoked = http.postJsonWithToken("/api/v1/optouts/+33671000001/revoke",
                    "{\"author\":\"claire@programme.example\",\"reason\":\"the parent asked by phone to receive the messages again\"}");

            assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
            assertThat(revoked.body()).contains("\"alreadyOptedIn\":false");
            var events = optOuts.awaitEvents(OptOut.class, 2, WAIT);
            assertThat(events.getFirst().getActive()).isTrue();
            var optIn = events.get(1);
            assertThat(optIn.getActive()).isFalse();
            assertThat(optIn.getPhone()).isEqualTo("+33671000001");
            assertThat(optIn.getAuthor()).isEqualTo("claire@programme.example");
            assertThat(optIn.getReason()).isEqualTo("the parent asked by phone to receive the messages again");
            assertThat(optIn.getProvider()).isEqualTo(Provider.SPOTHIT);
            assertThat(optOuts.records().get(1).key()).as("the compacted topic's key: the phone").isEqualTo("+33671000001");
            await().atMost(WAIT).until(() -> !optOutSet.optedOut("+33671000001"));
            var audited = audit.awaitEvents(AuditRecorded.class, 1, WAIT).getFirst();
            assertThat(audited.getAct()).isEqualTo("optin");
            assertThat(audited.getTarget()).isEqualTo("phone:+33671000001");
            assertThat(audited.getActor()).as("the token's subject, not the author the body names").isEqualTo("test-client");
            assertThat(audited.getFrom()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
            assertThat(audited.getService()).isEqualTo("webhook-gateway");
            assertThat(audited.getDetails()).containsEntry("author", "claire@programme.example")
                    .containsEntry("optInId", optIn.getEventId());

            var again = http.postJsonWithToken("/api/v1/optouts/0671000001/revoke", "{\"author\":\"claire\",\"reason\":\"twice\"}");
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.body()).contains("\"alreadyOptedIn\":true");
            optOuts.assertNoneArrive(Duration.ofMillis(300));
            assertThat(audit.events(AuditRecorded.class)).as("nothing was done the second time: nothing to audit").hasSize(1);
        }
    }

    @Test
    void badRevokesAreProblemsNamingTheFieldAndTheRule(TestNamespace namespace) {
        try (var optOuts = KafkaProbe.fromNow(namespace, Topics.OPTOUTS)) {
            var never = http.postJsonWithToken("/api/v1/optouts/+33671000099/revoke", "{\"author\":\"claire\",\"reason\":\"why not\"}");
            assertThat(never.statusCode()).isEqualTo(404);
            assertThat(never.body()).contains("\"field\":\"phone\"", "never opted out");

            var malformed = http.postJsonWithToken("/api/v1/optouts/12ab/revoke", "{\"author\":\"claire\",\"reason\":\"why not\"}");
            assertThat(malformed.statusCode()).isEqualTo(422);
            assertThat(malformed.body()).contains("\"field\":\"phone\"", "not digits");

            var noAuthor = http.postJsonWithToken("/api/v1/optouts/+33671000099/revoke", "{\"reason\":\"why not\"}");
            assertThat(noAuthor.statusCode()).isEqualTo(400);
            assertThat(noAuthor.body()).contains("\"field\":\"author\"", "required");
            var noReason = http.postJsonWithToken("/api/v1/optouts/+33671000099/revoke", "{\"author\":\"claire\",\"reason\":\" \"}");
            assertThat(noReason.statusCode()).isEqualTo(400);
            assertThat(noReason.body()).contains("\"field\":\"reason\"");
            optOuts.assertNoneArrive(Duration.ofMillis(300));
        }
    }

    @Test
    void aStartReplyThroughSpotHitOrUnstopThroughAircallOptsBackIn(TestNamespace namespace) {
        try (var optOuts = KafkaProbe.fromNow(namespace, Topics.OPTOUTS); var inbound = KafkaProbe.fromNow(namespace, Topics.INBOUND)) {
            assertThat(http.get("/spot_hit/response" + query("numero", "06 71 00 00 02", "message", " Start ", "id", "r-1"))
                    .statusCode()).isEqualTo(200);
            var spotHit = optOuts.awaitEvents(OptOut.class, 1, WAIT).getFirst();
            assertThat(spotHit.getActive()).isFalse();
            assertThat(spotHit.getPhone()).isEqualTo("+33671000002");
            assertThat(spotHit.getAuthor()).isEqualTo("spothit");
            assertThat(spotHit.getReason()).isEqualTo("START");
            assertThat(inbound.awaitEvents(InboundMessage.class, 1, WAIT).getFirst().getKind()).isEqualTo(InboundKind.REPLY);

            var aircall = """
                    {"resource":"message","event":"message.received","timestamp":1764070000,"token":"%s",
                     "data":{"id":9400,"direction":"inbound","status":"received","external_number":"+33 6 71 00 00 03","body":"UNSTOP",
                             "number":{"id":4242,"digits":"+33 1 00 00 00 00"},"created_at":"2025-11-25T10:00:00Z"}}"""
                    .formatted(MESSAGE_TOKEN);
            assertThat(http.postJson("/aircall/messages", aircall).statusCode()).isEqualTo(200);
            var fromAircall = optOuts.awaitEvents(OptOut.class, 2, WAIT).get(1);
            assertThat(fromAircall.getActive()).isFalse();
            assertThat(fromAircall.getPhone()).isEqualTo("+33671000003");
            assertThat(fromAircall.getProvider()).isEqualTo(Provider.AIRCALL);
            assertThat(fromAircall.getAuthor()).isEqualTo("aircall");
            assertThat(fromAircall.getReason()).isEqualTo("UNSTOP");
        }
    }
}
