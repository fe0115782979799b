package io.missive.schemas.optouts.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

class KafkaOptOutSetUnitTest {

    /**
     * A broker that does not answer makes the metadata request time out (after 10 s): the reader must keep
     * trying rather than end, or the set would stay "loading" for good once the broker is back.
     */
    @Test
    void aMetadataTimeoutDoesNotEndTheReaderAndTheSetRefusesToAnswerWhileLoading() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var consumer = Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + closedPort,
                ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
        try (var set = new KafkaOptOutSet(consumer, "missive.optouts", phone -> phone, Duration.ofMillis(100)).start()) {
            await().during(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(14)).until(set::reading);

            assertThatThrownBy(() -> set.optedOutAmong(Set.of("+33612345678")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("not finished reading");
        }
    }
}
