package io.missive.aircall.dispatch.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.aircall.dispatch.SendOutcome;
import io.missive.simulators.aircall.AircallSimulator;
import io.missive.simulators.aircall.AircallSimulatorConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** What each kind of Aircall reply means for the message, over real HTTP against the simulator. */
class AircallClientIntegrationTest {

    private static final AircallSimulator aircall = AircallSimulator.start(AircallSimulatorConfig.forTests()
            .withRateLimit(1000, Duration.ofSeconds(10)));
    private static final String NUMBER = AircallSimulatorConfig.DEFAULT_NUMBER_ID;

    @AfterAll
    static void stop() {
        aircall.close();
    }

    private static AircallClient gateway(String baseUrl, String token) {
        return new AircallClient(baseUrl, "sim-id", token, Duration.ofSeconds(2), Duration.ofMillis(500),
                JsonMapper.builder().build(), Clock.systemUTC());
    }

    @Test
    void anAcceptedMessageCarriesItsAircallIdAndTheLimitHeaders() {
        var outcome = gateway(aircall.baseUrl(), "sim-token").send(NUMBER, "+33640000001", "Bonjour");

        assertThat(outcome).isInstanceOfSatisfying(SendOutcome.Accepted.class, accepted -> {
            assertThat(accepted.aircallMessageId()).isEqualTo(Long.toString(aircall.acceptedTo("+33640000001").getFirst().id()));
            assertThat(accepted.rateLimit()).isNotNull();
            assertThat(accepted.rateLimit().limit()).isEqualTo(1000);
            assertThat(accepted.rateLimit().reset()).isAfter(Instant.now().minusSeconds(1));
        });
    }

    @Test
    void badNumbersUnknownLinesAndLongBodiesAreRefusedForGood() {
        var gateway = gateway(aircall.baseUrl(), "sim-token");

        assertThat(gateway.send(NUMBER, "0640000002", "Bonjour")).isInstanceOfSatisfying(SendOutcome.Rejected.class,
                rejected -> assertThat(rejected.reason()).startsWith("AIRCALL_422: to must be an E.164"));
        assertThat(gateway.send("999", "+33640000002", "Bonjour")).isInstanceOf(SendOutcome.Rejected.class);
        assertThat(gateway.send(NUMBER, "+33640000002", "a".repeat(1601))).isInstanceOf(SendOutcome.Rejected.class);
    }

    @Test
    void badCredentialsServerErrorsAndAnUnreachableAircallAreWorthAnotherAttempt() {
        assertThat(gateway(aircall.baseUrl(), "wrong").send(NUMBER, "+33640000003", "Bonjour"))
                .isInstanceOfSatisfying(SendOutcome.Failed.class, failed -> assertThat(failed.reason()).startsWith("AIRCALL_401"));
        aircall.faults().failNext(1, 503);
        assertThat(gateway(aircall.baseUrl(), "sim-token").send(NUMBER, "+33640000003", "Bonjour"))
                .isInstanceOfSatisfying(SendOutcome.Failed.class, failed -> assertThat(failed.reason()).startsWith("AIRCALL_503"));
        assertThat(gateway("http://localhost:9", "sim-token").send(NUMBER, "+33640000003", "Bonjour"))
                .isInstanceOfSatisfying(SendOutcome.Failed.class, failed -> assertThat(failed.reason()).isEqualTo("AIRCALL_UNREACHABLE"));
    }

    @Test
    void a429IsThrottledUntilTheResetAndATimeoutIsAnUnknownOutcome() {
        aircall.faults().throttleNext(1);
        assertThat(gateway(aircall.baseUrl(), "sim-token").send(NUMBER, "+33640000004", "Bonjour"))
                .isInstanceOfSatisfying(SendOutcome.Throttled.class, throttled -> {
                    assertThat(throttled.until()).isAfter(Instant.now().minusSeconds(1));
                    assertThat(throttled.rateLimit().remaining()).isZero();
                });
        aircall.faults().hangNext(1, Duration.ofSeconds(1), true);
        assertThat(gateway(aircall.baseUrl(), "sim-token").send(NUMBER, "+33640000005", "Bonjour"))
                .isInstanceOfSatisfying(SendOutcome.Unknown.class, unknown -> assertThat(unknown.reason()).isEqualTo("AIRCALL_TIMEOUT"));
    }
}
