package io.missive.schemas.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditActUnitTest {

    private final AuditAct.Caller alice = new AuditAct.Caller("alice@example.org", "10.0.0.7");

    @Test
    void anActRedoneWithTheSameKeyKeepsItsIdSoItIsRecordedOnce() {
        var first = AuditAct.of(alice, "program", "campaign:C1", Map.of()).once("C1");
        var again = AuditAct.of(alice, "program", "campaign:C1", Map.of("replay", "true")).once("C1");

        assertThat(first.eventId()).isEqualTo(again.eventId());
        assertThat(AuditAct.of(alice, "program", "campaign:C2", Map.of()).once("C2").eventId()).isNotEqualTo(first.eventId());
    }

    @Test
    void twoActsWithoutAKeyAreTwoEntries() {
        assertThat(AuditAct.of(alice, "cancel", "campaign:C1", Map.of()).eventId())
                .isNotEqualTo(AuditAct.of(alice, "cancel", "campaign:C1", Map.of()).eventId());
    }

    @Test
    void aCommandFromKafkaIsFromKafkaAndByItsAuthorOrByKafka() {
        assertThat(AuditAct.Caller.kafka(null)).isEqualTo(new AuditAct.Caller("kafka", "kafka"));
        assertThat(AuditAct.Caller.kafka("crm@example.org")).isEqualTo(new AuditAct.Caller("crm@example.org", "kafka"));
    }

    @Test
    void anActNeedsAnActAndATarget() {
        assertThatThrownBy(() -> AuditAct.of(alice, " ", "campaign:C1", Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(AuditAct.of(new AuditAct.Caller("", ""), "cancel", "campaign:C1", Map.of()))
                .extracting(AuditAct::actor, AuditAct::from).containsExactly("anonymous", "unknown");
    }
}
