package io.missive.console.people.http;

import io.missive.console.people.Lockout;
import io.missive.console.people.People;
import io.missive.console.people.Person;
import java.time.Clock;
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
 * counted; the {@link Lockout}'s limit locks the account, and while locked even the right password
 * is refused. An unknown e-mail costs a hash comparison too, so timing does not tell who exists.
 */
public final class LockingSignIn implements AuthenticationProvider {

    /** Compared against when the e-mail is unknown, so the answer takes as long. */
    private final String decoyHash;
    private final People people;
    private final PasswordEncoder passwords;
    private final Lockout lockout;
    private final Clock clock;

    public LockingSignIn(People people, PasswordEncoder passwords, Lockout lockout, Clock clock) {
        this.people = people;
        this.passwords = passwords;
        this.lockout = lockout;
        this.clock = clock;
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
        if (!passwords.matches(presented, person.get().passwordHash())) {
            int failures = people.recordFailure(email);
            lockout.lockedUntilAfter(failures, now).ifPresent(until -> people.lock(email, until));
            throw new BadCredentialsException("bad credentials");
        }
        people.recordSuccess(email);
        var authorities = List.of(new SimpleGrantedAuthority("ROLE_" + person.get().role().name()));
        return UsernamePasswordAuthenticationToken.authenticated(email, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
