package io.missive.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.missive.schemas.spring.OutagePolicy;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOffExecution;

class OutagePolicyUnitTest {

    private final OutagePolicy quick = new OutagePolicy(Duration.ofMillis(1), Duration.ofMillis(4), Duration.ofSeconds(5));

    @Test
    void anOutageIsWaitedOutAndTheWorkDoneOnceItIsOver() {
        var calls = new AtomicInteger();
        var result = quick.call("probe", () -> {
            if (calls.incrementAndGet() < 4) {
                throw new IllegalStateException(new SQLTransientConnectionException("database restarting"));
            }
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(calls).hasValue(4);
    }

    @Test
    void aFailureWaitingDoesNotCureIsThrownAtOnce() {
        var calls = new AtomicInteger();
        assertThatThrownBy(() -> quick.run("probe", () -> {
            calls.incrementAndGet();
            throw new IllegalArgumentException("not a MessageRequested");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(calls).hasValue(1);
    }

    @Test
    void anOutageLongerThanTheLimitIsGivenUpOn() {
        var calls = new AtomicInteger();
        assertThatThrownBy(() -> quick.within(Duration.ofSeconds(1)).run("probe", () -> {
            calls.incrementAndGet();
            throw new IllegalStateException(new SQLTransientConnectionException("still down"));
        })).hasRootCauseInstanceOf(SQLTransientConnectionException.class);
        assertThat(calls.get()).as("tried again while the limit lasted, then gave up").isGreaterThan(1);
    }

    @Test
    void theErrorHandlersBackOffHasTheSameCaps() {
        BackOffExecution pauses = OutagePolicy.defaults().backOff().start();
        assertThat(pauses.nextBackOff()).isEqualTo(500L);
        assertThat(pauses.nextBackOff()).isEqualTo(1_000L);
        long last = 0;
        for (int i = 0; i < 10; i++) {
            last = pauses.nextBackOff();
        }
        assertThat(last).isEqualTo(10_000L);
    }
}
