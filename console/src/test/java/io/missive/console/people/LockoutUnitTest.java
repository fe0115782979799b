package io.missive.console.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LockoutUnitTest {

    private final Lockout lockout = new Lockout(5, Duration.ofMinutes(15));
    private final Instant now = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void theFifthFailureInARowLocksForTheDuration() {
        assertThat(lockout.lockedUntilAfter(4, now)).isEmpty();
        assertThat(lockout.lockedUntilAfter(5, now)).contains(now.plus(Duration.ofMinutes(15)));
    }

    @Test
    void aPersonIsLockedOnlyUntilTheLockEnds() {
        var person = new Person("a@b.c", "{noop}x", Role.STAFF, 0, now.plusSeconds(60));
        assertThat(person.lockedAt(now)).isTrue();
        assertThat(person.lockedAt(now.plusSeconds(60))).isFalse();
        assertThat(new Person("a@b.c", "{noop}x", Role.STAFF, 0, null).lockedAt(now)).isFalse();
    }

    @Test
    void aLockoutWithoutFailuresOrDurationIsAMistake() {
        assertThatThrownBy(() -> new Lockout(0, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Lockout(3, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emailsAreComparedLowerCase() {
        assertThat(Person.normalise("  Admin@Missive.TEST ")).isEqualTo("admin@missive.test");
    }

    @Test
    void eachFailureDoublesTheWaitBeforeTheNextAttemptIsAnswered() {
        assertThat(lockout.delayAfter(0)).isZero();
        assertThat(lockout.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(lockout.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(lockout.delayAfter(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(new Lockout(50, Duration.ofMinutes(1)).delayAfter(40)).isEqualTo(Lockout.MAX_DELAY);
        assertThat(new Lockout(5, Duration.ofMinutes(1), Duration.ZERO).delayAfter(3)).isZero();
    }
}
