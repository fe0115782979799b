package io.missive.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.schemas.spring.TransientFailures;
import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class TransientFailuresUnitTest {

    @Test
    void anAbsentDatabaseOrBrokerIsWorthWaitingFor() {
        assertThat(TransientFailures.isTransient(new RuntimeException("batch failed",
                new IllegalStateException(new SQLTransientConnectionException("connection refused"))))).isTrue();
        assertThat(TransientFailures.isTransient(new NotLeaderOrFollowerException("leader moving"))).isTrue();
        assertThat(TransientFailures.isTransient(new IllegalStateException(new ConnectException("refused")))).isTrue();
    }

    @Test
    void aBadRecordIsNot() {
        assertThat(TransientFailures.isTransient(new SerializationException("not avro"))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("not a MessageRequested"))).isFalse();
        assertThat(TransientFailures.isTransient(null)).isFalse();
    }
}
