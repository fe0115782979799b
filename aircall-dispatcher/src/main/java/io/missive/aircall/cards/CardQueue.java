package io.missive.aircall.cards;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The cards waiting to be posted, one per call, shared by every replica. */
public interface CardQueue {

    /** Queues the card of a call, due now; false if the call already has one (announced twice). */
    boolean add(String callId, InsightCard card, Instant deadline, Instant now);

    /** Claims the card due first whose deadline has not passed (it is POSTING from now on). */
    Optional<PendingCard> claimNext(Instant now);

    void posted(String callId, Instant now);

    /** Back to PENDING, due at {@code at}. */
    void retryAt(String callId, Instant at, @Nullable String reason, Instant now);

    /** Final: Aircall refused it. */
    void failed(String callId, String reason, Instant now);

    /** Final: not posted before its deadline. */
    void dropped(String callId, String reason, Instant now);

    /** Drops the cards past their deadline, and those left POSTING since before {@code postingBefore}; returns their calls. */
    List<String> dropExpired(Instant now, Instant postingBefore);
}
