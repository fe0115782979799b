package io.missive.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.schemas.ids.MessageIds;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageIdsUnitTest {

    @Test
    void aReplayedCommandYieldsTheSameMessageIds() {
        assertThat(MessageIds.messageId("cmd-1", "parent:42")).isEqualTo(MessageIds.messageId("cmd-1", "parent:42"));
        assertThat(MessageIds.messageId("cmd-1", "parent:42")).isNotEqualTo(MessageIds.messageId("cmd-1", "parent:43"));
        assertThat(MessageIds.messageId("cmd-1", "parent:42")).isNotEqualTo(MessageIds.messageId("cmd-2", "parent:42"));
    }

    @Test
    void idsAreVersion5Uuids() {
        var id = UUID.fromString(MessageIds.messageId("cmd-1", "parent:42"));
        assertThat(id.version()).isEqualTo(5);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void partsAreNotAmbiguous() {
        assertThat(MessageIds.eventIdFrom("ab", "c")).isNotEqualTo(MessageIds.eventIdFrom("a", "bc"));
    }
}
