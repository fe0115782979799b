package io.missive.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SharedSecretUnitTest {

    @Test
    void matchesOnlyTheExactSecret() {
        var secret = SharedSecret.of("s3cr3t-token");

        assertThat(secret.matches("s3cr3t-token")).isTrue();
        assertThat(secret.matches("s3cr3t-toke")).isFalse();
        assertThat(secret.matches("s3cr3t-token ")).isFalse();
        assertThat(secret.matches("S3CR3T-TOKEN")).isFalse();
        assertThat(secret.matches("")).isFalse();
        assertThat(secret.matches(null)).isFalse();
    }

    @Test
    void withoutASecretEveryoneIsAccepted() {
        assertThat(SharedSecret.none().required()).isFalse();
        assertThat(SharedSecret.none().matches(null)).isTrue();
    }

    @Test
    void aBlankSecretIsRefusedAndNoSecretIsEverPrinted() {
        assertThatThrownBy(() -> SharedSecret.of("  ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(SharedSecret.of("s3cr3t-token").toString()).doesNotContain("s3cr3t");
    }
}
