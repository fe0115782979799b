package io.missive.aircall.dispatch;

import io.missive.schemas.erasure.ErasedPhones;
import io.missive.schemas.erasure.Erasures;
import io.missive.schemas.logging.Masking;
import io.missive.schemas.optouts.OptOuts;
import io.missive.schemas.window.SendingWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes requested messages into the ledger and makes their attempts, one call per message, within
 * the credentials' rate limit. The ledger is written before Aircall is called (claim) and after
 * (settle), so a message reaches Aircall at most once unless the unknown-outcome policy says retry.
 */
public final class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    /** What to do with a message whose call was left without an answer (timeout, crash mid-call). */
    public enum UnknownOutcomePolicy {
        /** FAILED with reason {@code UNKNOWN_OUTCOME}: never risk sending it twice (the default). */
        FAIL,
        /** Count it as a failed attempt and retry: never risk not sending it. */
        RETRY
    }

    /** How long a claimed message may wait for its permit before it is given back. */
    static final Duration MAX_WAIT_FOR_PERMIT = Duration.ofSeconds(5);

    private final DispatchLedger ledger;
    private final SendSmsPort aircall;
    private final RateLimit limiter;
    private final Admission admission;
    private final RetryPolicy retries;
    private final UnknownOutcomePolicy unknownOutcome;
    private final Clock clock;
    private final DispatchMetrics metrics;
    private final OptOuts optOuts;
    private final SendingWindow window;
    private final ErasedPhones erased;

    public Dispatcher(DispatchLedger ledger, SendSmsPort aircall, RateLimit limiter, Admission admission,
                      RetryPolicy retries, UnknownOutcomePolicy unknownOutcome, Clock clock, DispatchMetrics metrics) {
        this(ledger, aircall, limiter, admission, retries, unknownOutcome, clock, metrics, OptOuts.none(), SendingWindow.ALWAYS_OPEN,
                ErasedPhones.NONE);
    }

    /**
     * @param window retries falling outside it wait for it to open (quiet hours)
     * @param erased the phones of erased parents: their messages are refused {@code ERASED} at the call
     */
    public Dispatcher(DispatchLedger ledger, SendSmsPort aircall, RateLimit limiter, Admission admission,
                      RetryPolicy retries, UnknownOutcomePolicy unknownOutcome, Clock clock, DispatchMetrics metrics,
                      OptOuts optOuts, SendingWindow window, ErasedPhones erased) {
        this.optOuts = optOuts;
        this.erased = erased;
        this.window = window;
        this.ledger = ledger;
        this.aircall = aircall;
        this.limiter = limiter;
        this.admission = admission;
        this.retries = retries;
        this.unknownOutcome = unknownOutcome;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Records a requested message durably: to send, or failed at once with the reason it may not
     * be sent. A redelivered message is recognised by its id and ignored. Returns true if it is new.
     */
    public boolean take(OutboundMessage message) {
        var now = clock.instant();
        if (!erased.among(List.of(message.phone())).isEmpty()) {
            // Requested before its parent's erasure, read after it: kept as a failure that names nobody.
            boolean fresh = ledger.reject(message.erased(), Erasures.REASON, now);
            log.info("event=aircall.erased messageId={} campaignId={} fresh={}", message.messageId(), message.campaignId(), fresh);
            return fresh;
        }
        var refusal = admission.refusal(message);
        boolean fresh = refusal.isPresent()
                ? ledger.reject(message, refusal.get(), now)
                : ledger.admit(message, now);
        if (!fresh) {
            log.info("event=aircall.duplicate messageId={}", message.messageId());
        } else if (refusal.isPresent()) {
            log.info("event=aircall.refused messageId={} campaignId={} phone={} reason={}", message.messageId(),
                    message.campaignId(), Masking.phone(message.phone()), refusal.get());
        }
        return fresh;
    }

    /** How long until the limiter lets the next call start. */
    public Duration delayBeforeNextCall() {
        return limiter.delayBeforeNext();
    }

    /** When the next attempt falls due, if any message waits. */
    public Optional<Instant> nextDueAt() {
        return ledger.nextDueAt();
    }

    /** Claims the most overdue message for an attempt (it is SENDING from now on), if one is due. */
    public Optional<LedgerEntry> claimNextDue() {
        var claimed = ledger.claimNextDue(clock.instant());
        if (claimed.isEmpty()) {
            limiter.idle();
        }
        return claimed;
    }

    /** Gives back a claimed message that was not sent (the service is stopping): same attempt, due now. */
    public void giveBack(LedgerEntry claimed) {
        var now = clock.instant();
        ledger.release(claimed.message().messageId(), now, now);
    }

    /**
     * Calls Aircall for a claimed message. Call it only when {@link #delayBeforeNextCall()} is
     * zero, and one call at a time, so that the reply's headers describe the limit exactly.
     */
    public SendOutcome call(LedgerEntry claimed) {
        var message = claimed.message();
        // Taken in the instant its parent was erased (the check at take came just before): never sent.
        if (!erased.among(List.of(message.phone())).isEmpty()) {
            log.info("event=aircall.erased messageId={} campaignId={}", message.messageId(), message.campaignId());
            return new SendOutcome.Rejected(Erasures.REASON, null);
        }
        // Asked at every attempt, retries included: a STOP that landed since acceptance or since the last attempt wins.
        if (optOuts.optedOut(message.phone())) {
            log.info("event=aircall.opted_out messageId={} campaignId={} phone={} attempt={}", message.messageId(),
                    message.campaignId(), Masking.phone(message.phone()), claimed.attempts());
            return new SendOutcome.Rejected(OptOuts.REASON, null);
        }
        // The permit is taken right before the request, so the bucket's spacing is the requests'.
        // Another replica may take the one expected; a short wait then, else the message goes back
        // (not an attempt) rather than stay SENDING for long.
        var notBefore = limiter.start(MAX_WAIT_FOR_PERMIT);
        if (notBefore.isPresent()) {
            return new SendOutcome.Throttled(notBefore.get(), null);
        }
        var outcome = aircall.send(message.numberId() == null ? "" : message.numberId(), message.phone(), message.body());
        if (outcome.rateLimit() != null) {
            limiter.observe(outcome.rateLimit());
        }
        if (outcome instanceof SendOutcome.Throttled throttled) {
            limiter.throttled(throttled.until());
        }
        return outcome;
    }

    /** Records in the ledger what the call came to: sent, failed, retry scheduled, or given back (429). */
    public void settle(LedgerEntry entry, SendOutcome outcome) {
        var message = entry.message();
        var now = clock.instant();
        int attempt = entry.attempts();
        switch (outcome) {
            case SendOutcome.Accepted accepted -> {
                ledger.settleSent(message.messageId(), accepted.aircallMessageId(), now);
                metrics.outcome("sent");
                log.info("event=aircall.sent messageId={} campaignId={} phone={} aircallMessageId={} attempt={}",
                        message.messageId(), message.campaignId(), Masking.phone(message.phone()),
                        accepted.aircallMessageId(), attempt);
            }
            case SendOutcome.Rejected rejected -> {
                ledger.settleFailed(message.messageId(), rejected.reason(), now);
                metrics.outcome("rejected");
                log.warn("event=aircall.rejected messageId={} campaignId={} phone={} reason={} attempt={}",
                        message.messageId(), message.campaignId(), Masking.phone(message.phone()), rejected.reason(), attempt);
            }
            case SendOutcome.Failed failed -> failedAttempt(entry, failed.reason(), failed.providerUnavailable(), now);
            case SendOutcome.Throttled throttled -> {
                ledger.release(message.messageId(), throttled.until(), now);
                metrics.outcome("throttled");
                log.warn("event=aircall.throttled messageId={} until={}", message.messageId(), throttled.until());
            }
            case SendOutcome.Unknown unknown -> {
                if (unknownOutcome == UnknownOutcomePolicy.RETRY) {
                    failedAttempt(entry, unknown.reason(), false, now);
                } else {
                    ledger.settleFailed(message.messageId(), "UNKNOWN_OUTCOME", now);
                    metrics.outcome("unknown");
                    log.error("event=aircall.unknown_outcome messageId={} campaignId={} error={}",
                            message.messageId(), message.campaignId(), unknown.reason());
                }
            }
        }
    }

    private void failedAttempt(LedgerEntry entry, String error, boolean providerUnavailable, Instant now) {
        var message = entry.message();
        int attempt = entry.attempts();
        var retry = providerUnavailable
                ? retries.retryAfterUnavailable(attempt, entry.receivedAt(), now)
                : Optional.of(now.plus(retries.delayAfter(attempt))).filter(at -> retries.allowsAnotherAfter(attempt));
        if (retry.isPresent()) {
            // Quiet hours: a retry never reaches a family outside the sending window.
            var next = window.nextOpening(retry.get());
            ledger.scheduleRetry(message.messageId(), next, error, now);
            metrics.outcome("retry");
            log.warn("event=aircall.retry_scheduled messageId={} campaignId={} attempt={} error={} nextAttemptAt={}",
                    message.messageId(), message.campaignId(), attempt, error, next);
        } else {
            ledger.settleFailed(message.messageId(), error, now);
            metrics.outcome("failed");
            log.error("event=aircall.failed messageId={} campaignId={} attempts={} lastError={}",
                    message.messageId(), message.campaignId(), attempt, error);
        }
    }

    /**
     * Settles messages whose process died mid-call (claimed before {@code claimedBefore}) by the
     * unknown-outcome policy. Returns how many.
     */
    public int recoverStuck(Instant claimedBefore) {
        var stuck = ledger.stuckSending(claimedBefore);
        for (var entry : stuck) {
            settle(entry, new SendOutcome.Unknown("interrupted mid-call"));
        }
        return stuck.size();
    }
}
