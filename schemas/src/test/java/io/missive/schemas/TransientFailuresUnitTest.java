package io.missive.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.schemas.spring.TransientFailures;
import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;

class TransientFailuresUnitTest {

    @Test
    void anAbsentDatabaseOrBrokerIsWorthWaitingFor() {
        assertThat(TransientFailures.isTransient(new RuntimeException("batch failed",
                new IllegalStateException(new SQLTransientConnectionException("connection refused"))))).isTrue();
        assertThat(TransientFailures.isTransient(new NotLeaderOrFollowerException("leader moving"))).isTrue();
        assertThat(TransientFailures.isTransient(new IllegalStateException(new ConnectException("refused")))).isTrue();
        assertThat(TransientFailures.isTransient(new IllegalStateException("statuses not acknowledged by Kafka",
                new TimeoutException()))).as("a send not acknowledged in time").isTrue();
        assertThat(TransientFailures.isTransient(new QueryTimeoutException("statement cancelled")))
                .as("a subclass of a transient Spring failure").isTrue();
    }

    @Test
    void aBadRecordIsNot() {
        assertThat(TransientFailures.isTransient(new SerializationException("not avro"))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalArgumentException("not a MessageRequested"))).isFalse();
        assertThat(TransientFailures.isTransient(null)).isFalse();
    }
}
