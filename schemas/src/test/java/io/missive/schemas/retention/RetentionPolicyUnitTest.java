package io.missive.schemas.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.missive.schemas.phones.PhoneHash;
import io.missive.schemas.topics.TopicRetention;
import io.missive.schemas.topics.Topics;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetentionPolicyUnitTest {

    @Test
    void theDefaultsAreTheOnesTheDecisionWritesDown() {
        var policy = RetentionProperties.defaults();
        assertThat(policy.messageBodies()).isEqualTo(Duration.ofDays(180));
        assertThat(policy.inboundReplies()).isEqualTo(Duration.ofDays(365));
        assertThat(policy.dedupe()).isEqualTo(Duration.ofDays(14));
        assertThat(policy.receiptParking()).isEqualTo(Duration.ofDays(14));
        assertThat(policy.enabled()).isTrue();
    }

    @Test
    void aZeroAgeIsRefusedAtStartUpRatherThanPurgingEverything() {
        assertThatThrownBy(() -> new RetentionProperties(null, Duration.ZERO, null, null, null, null, null, null, null))
                .hasMessageContaining("message-bodies");
    }

    @Test
    void aBatchPicksItsRowsByAddressWithoutWaitingForLockedOnes() {
        var delete = PurgeRule.delete("dedupe", "processed_events", "processed_at < ?", Duration.ofDays(14));
        assertThat(delete.batchStatement()).isEqualTo("delete from processed_events where ctid = any(array("
                + "select ctid from processed_events where processed_at < ? limit ? for update skip locked))");
        var redact = PurgeRule.redact("bodies", "t", "body = null", "finished_at < ? and body is not null", Duration.ofDays(1));
        assertThat(redact.batchStatement()).startsWith("update t set body = null where ctid = any(array(");
        assertThat(redact.action()).isEqualTo("redacted");
    }

    @Test
    void aPurgeRestsFourTimesAsLongAsItsLastBatchTookAndNeverLessThanThePause() {
        assertThat(RetentionPurge.restAfter(Duration.ofMillis(100), Duration.ofMillis(20))).isEqualTo(Duration.ofMillis(400));
        assertThat(RetentionPurge.restAfter(Duration.ofMillis(2), Duration.ofMillis(20))).isEqualTo(Duration.ofMillis(20));
        assertThat(RetentionPurge.restAfter(Duration.ZERO, Duration.ZERO)).isZero();
    }

    @Test
    void aConditionWithoutACutoffOrOnAnOddTableIsRefused() {
        assertThatThrownBy(() -> PurgeRule.delete("x", "t", "a < now()", Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(PurgeRule.delete("x", "t", "a < ? and b < ?", Duration.ofDays(1)).cutoffParameters()).isEqualTo(2);
        assertThatThrownBy(() -> PurgeRule.delete("x", "t; drop table t", "a < ?", Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bothSpellingsOfAPhoneHashAlikeAndTheHashHoldsNoDigitsOfIt() {
        assertThat(PhoneHash.of("06 12 34 56 78")).isEqualTo(PhoneHash.of("+33612345678")).startsWith("sha256:")
                .doesNotContain("612345678");
        assertThat(PhoneHash.isHash(PhoneHash.of("+33612345678"))).isTrue();
    }

    @Test
    void compactedTopicsKeepTheirStateAndTheirTombstonesForAWeek() {
        assertThat(TopicRetention.retentionMs(Topics.DIRECTORY)).isEqualTo(-1);
        assertThat(TopicRetention.deleteRetentionMs(Topics.OPTOUTS)).isEqualTo(Duration.ofDays(7).toMillis());
        assertThat(TopicRetention.retentionMs(Topics.COMMANDS)).isEqualTo(Duration.ofDays(7).toMillis());
    }
}
