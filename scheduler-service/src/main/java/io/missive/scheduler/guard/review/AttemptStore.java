package io.missive.scheduler.guard.review;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The guard's attempts, durably. */
public interface AttemptStore {

    /**
     * Stores an attempt and returns its id. A command held again while an earlier attempt for it is still pending
     * (Kafka redelivers, a client retries) is the same attempt: its id is returned and nothing new is stored.
     */
    long record(GuardAttempt.New attempt);

    Optional<GuardAttempt> find(long id);

    /** Newest first. */
    List<GuardAttempt> list(@Nullable AttemptStatus status, int offset, int limit);

    long count(@Nullable AttemptStatus status);

    /** Moves a pending attempt to {@code to}, recording who and when; false when it was not pending. */
    boolean decide(long id, AttemptStatus to, @Nullable String actor, Instant at);
}
