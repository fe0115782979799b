package io.missive.console.people;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The people who may sign in. */
public interface People {

    Optional<Person> find(String email);

    boolean anyAdmin();

    /** Everyone, by e-mail. */
    List<Person> all();

    /** Adds a person; false when the e-mail is already known. */
    boolean add(String email, String passwordHash, Role role, String createdBy);

    /**
     * The admins' e-mails, held (their rows locked) until the current transaction ends: two admins demoting or
     * removing each other at the same moment cannot leave none (see {@link LastAdmin}).
     */
    Set<String> heldAdmins();

    /** Gives {@code email} another role; false when nobody has that e-mail. */
    boolean changeRole(String email, Role role);

    /** Removes {@code email}: they can no longer sign in; false when nobody has that e-mail. */
    boolean remove(String email);

    /** Sets (or, with null, removes) the person's own Aircall number; false when nobody has this e-mail. */
    boolean setAircallNumber(String email, @Nullable String aircallNumberId);

    /** Counts a failed sign-in; returns the failures in a row so far. */
    int recordFailure(String email);

    void lock(String email, Instant until);

    /** A successful sign-in: the count starts again and any lock is lifted. */
    void recordSuccess(String email);

    /** Until when the account is locked, if it is. */
    @Nullable Instant lockedUntil(String email);
}
