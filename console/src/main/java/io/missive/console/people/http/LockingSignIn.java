package io.missive.console.people.http;

import io.missive.console.people.Lockout;
import io.missive.console.people.People;
import io.missive.console.people.Person;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A person's sign-in: e-mail and password, checked against the stored hash. Each wrong password is
 * counted; every later attempt waits the {@link Lockout}'s growing delay before it is answered (right password or
 * not, so the wait tells nothing), the limit locks the account, and while locked even the right password
 * is refused. An unknown e-mail costs a hash comparison too, so timing does not tell who exists.
 */
public final class LockingSignIn implements AuthenticationProvider {

    /** Compared against when the e-mail is unknown, so the answer takes as long. */
    private final String decoyHash;
    private final People people;
    private final PasswordEncoder passwords;
    private final Lockout lockout;
    private final Clock clock;
    private final Pause pause;

    /** Waits out a sign-in delay (a virtual thread's sleep: it holds no platform thread). */
    @FunctionalInterface
    public interface Pause {
        void await(Duration delay) throws InterruptedException;
    }

    public LockingSignIn(People people, PasswordEncoder passwords, Lockout lockout, Clock clock) {
        this(people, passwords, lockout, clock, Thread::sleep);
    }

    public LockingSignIn(People people, PasswordEncoder passwords, Lockout lockout, Clock clock, Pause pause) {
        this.people = people;
        this.passwords = passwords;
        this.lockout = lockout;
        this.clock = clock;
        this.pause = pause;
        this.decoyHash = passwords.encode("decoy-" + System.nanoTime());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        var email = Person.normalise(authentication.getName());
        var presented = String.valueOf(authentication.getCredentials());
        var person = people.find(email);
        if (person.isEmpty()) {
            passwords.matches(presented, decoyHash);
            throw new BadCredentialsException("bad credentials");
        }
        var now = clock.instant();
        if (person.get().lockedAt(now)) {
            throw new LockedException("account locked after repeated failures");
        }
        var delay = lockout.delayAfter(person.get().failedAttempts());
        if (!delay.isZero()) {
            try {
                pause.await(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BadCredentialsException("sign-in interrupted");
            }
        }
        if (!passwords.matches(presented, person.get().passwordHash())) {
            int failures = people.recordFailure(email);
            lockout.lockedUntilAfter(failures, now).ifPresent(until -> people.lock(email, until));
            throw new BadCredentialsException("bad credentials");
        }
        people.recordSuccess(email);
        var authorities = List.of(new SimpleGrantedAuthority(person.get().role().authority()));
        return UsernamePasswordAuthenticationToken.authenticated(email, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
