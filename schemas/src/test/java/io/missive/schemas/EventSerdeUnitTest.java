package io.missive.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.missive.events.InboundKind;
import io.missive.events.InboundMessage;
import io.missive.events.OptOut;
import io.missive.events.Provider;
import io.missive.schemas.serde.EventDeserializer;
import io.missive.schemas.serde.EventSerializer;
import io.missive.schemas.logging.Masking;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class EventSerdeUnitTest {

    private final EventSerializer serializer = new EventSerializer();
    private final EventDeserializer deserializer = new EventDeserializer();

    @Test
    void writesSingleObjectEncodingAndReadsItBack() {
        var optOut = OptOut.newBuilder()
                .setEventId("e-1").setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setPhone("+33612345678").setProvider(Provider.SPOTHIT).build();

        var bytes = serializer.serialize("missive.optouts", optOut);

        assertThat(bytes).startsWith((byte) 0xC3, (byte) 0x01);
        assertThat(deserializer.deserialize("missive.optouts", bytes)).isEqualTo(optOut);
    }

    @Test
    void oneTopicMayCarrySeveralTypes() {
        var inbound = InboundMessage.newBuilder()
                .setEventId("e-2").setOccurredAt(Instant.EPOCH).setProvider(Provider.AIRCALL)
                .setPhone("+33612345678").setBody("STOP").setKind(InboundKind.STOP).build();

        assertThat(deserializer.fromBytes(serializer.toBytes(inbound))).isInstanceOf(InboundMessage.class).isEqualTo(inbound);
    }

    @Test
    void tombstonesStayNull() {
        assertThat(serializer.serialize("missive.directory", null)).isNull();
        assertThat(deserializer.deserialize("missive.directory", null)).isNull();
    }

    @Test
    void badBytesFailWithASerializationException() {
        assertThatThrownBy(() -> deserializer.deserialize("t", "not avro".getBytes()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("marker");
        var unknownFingerprint = new byte[] {(byte) 0xC3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 0};
        assertThatThrownBy(() -> deserializer.deserialize("t", unknownFingerprint))
                .isInstanceOf(SerializationException.class).hasMessageContaining("unknown schema fingerprint");
        var truncated = serializer.toBytes(OptOut.newBuilder().setEventId("e").setOccurredAt(Instant.EPOCH)
                .setPhone("+33612345678").setProvider(Provider.SPOTHIT).build());
        var cut = java.util.Arrays.copyOf(truncated, 14);
        assertThatThrownBy(() -> deserializer.deserialize("t", cut))
                .isInstanceOf(SerializationException.class).hasMessageContaining("malformed OptOut");
    }

    @Test
    void phoneNumbersAndSecretsAreMaskedForLogs() {
        assertThat(Masking.phone("+33612345678")).isEqualTo("+336******78").doesNotContain("12345");
        assertThat(Masking.secret("s3cr3t")).isEqualTo("****");
        assertThat(Masking.phone(null)).isEqualTo("<none>");
    }
}
