package io.missive.spothit.dispatch;

import io.missive.schemas.logging.Masking;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requested messages to SpotHit exactly once. For each poll of requested messages: record
 * them in the ledger (a message the ledger already knows is not sent again; if it is settled its
 * status is announced again, in case the previous run died before publishing it), fail those the
 * safeguard stops, then for each bulk call: ledger SENDING, call, ledger settled, status published.
 * An RCS call SpotHit refuses goes again once as SMS, under the same batch (docs/decisions/0205).
 * The caller acknowledges the messages only after this returns.
 */
public final class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final DispatchLedger ledger;
    private final ResilientSender sender;
    private final StatusPort status;
    private final BulkPlanner planner;
    private final Safeguard safeguard;
    private final DispatchObserver observer;

    public Dispatcher(DispatchLedger ledger, ResilientSender sender, StatusPort status, BulkPlanner planner,
                      Safeguard safeguard, DispatchObserver observer) {
        this.ledger = ledger;
        this.sender = sender;
        this.status = status;
        this.planner = planner;
        this.safeguard = safeguard;
        this.observer = observer;
    }

    public void dispatch(List<RequestedMessage> requested) {
        var messages = new LinkedHashMap<String, RequestedMessage>();
        requested.forEach(message -> messages.putIfAbsent(message.messageId(), message));
        if (messages.isEmpty()) {
            return;
        }
        var entries = ledger.claim(List.copyOf(messages.values()));
        var announcements = new ArrayList<StatusChange>();
        var toSend = new ArrayList<RequestedMessage>();
        var blocked = new ArrayList<String>();
        for (var message : messages.values()) {
            var entry = entries.get(message.messageId());
            switch (entry.state()) {
                case SENT, FAILED -> announcements.add(StatusChange.of(entry));
                case SENDING -> log.info("event=dispatch.skipped reason=in_flight messageId={} campaignId={}",
                        message.messageId(), message.campaignId());
                case PENDING -> {
                    if (safeguard.allows(message.phone())) {
                        toSend.add(message);
                    } else {
                        blocked.add(message.messageId());
                        log.info("event=dispatch.safeguard messageId={} campaignId={} phone={}",
                                message.messageId(), message.campaignId(), Masking.phone(message.phone()));
                    }
                }
            }
        }
        if (!blocked.isEmpty()) {
            var refused = ledger.settleFailed(blocked, DispatchState.PENDING, Safeguard.REASON, 0).stream()
                    .map(StatusChange::of).toList();
            observer.settled(refused);
            announcements.addAll(refused);
        }
        status.publish(announcements);
        for (var sms : planner.plan(toSend)) {
            send(sms);
        }
    }

    private void send(BulkSms planned) {
        Set<String> taken = ledger.startSending(planned);
        if (taken.isEmpty()) {
            return;
        }
        var sms = taken.size() == planned.recipients().size() ? planned : planned.restrictedTo(taken);
        var attempted = sender.send(sms);
        observer.callFinished(sms, attempted);
        String fallbackNote = null;
        if (sms.isRcs() && attempted.outcome() instanceof SendOutcome.Refused refused) {
            // SpotHit refused RCS (the account or agent is not enabled, a media it does not know…): the
            // messages are still SENDING under this batch, so they go once more, as SMS, and say so.
            fallbackNote = "RCS_REFUSED: " + refused.reason() + "; sent as " + sms.asSms().channel();
            log.warn("event=dispatch.rcs_refused campaignId={} batchId={} recipients={} channel={} reason=\"{}\" then={}",
                    sms.campaignId(), sms.batchId(), sms.recipients().size(), sms.channel(), refused.reason(),
                    sms.asSms().channel());
            sms = sms.asSms();
            var again = sender.send(sms);
            observer.callFinished(sms, again);
            attempted = new ResilientSender.Attempted(again.outcome(), attempted.attempts() + again.attempts());
        }
        settle(sms, attempted, fallbackNote);
    }

    private void settle(BulkSms sms, ResilientSender.Attempted attempted, @Nullable String fallbackNote) {
        List<LedgerEntry> settled = switch (attempted.outcome()) {
            case SendOutcome.Accepted accepted -> {
                log.info("event=dispatch.sent campaignId={} batchId={} recipients={} spotHitMessageId={} attempts={} channel={} fallback={}",
                        sms.campaignId(), sms.batchId(), sms.recipients().size(), accepted.spotHitMessageId(),
                        attempted.attempts(), sms.channel(), fallbackNote != null);
                yield ledger.settleSent(sms, accepted.spotHitMessageId(), attempted.attempts(), fallbackNote);
            }
            case SendOutcome.Refused refused -> failed(sms, prefixed(fallbackNote, refused.reason()), attempted.attempts());
            case SendOutcome.Unavailable unavailable -> failed(sms, prefixed(fallbackNote, unavailable.reason()), attempted.attempts());
            case SendOutcome.Unknown unknown -> {
                log.warn("event=dispatch.unknown_outcome campaignId={} batchId={} recipients={} detail=\"{}\"",
                        sms.campaignId(), sms.batchId(), sms.recipients().size(), unknown.reason());
                yield ledger.settleFailed(sms.messageIds(), DispatchState.SENDING, UnknownOutcomePolicy.REASON,
                        attempted.attempts());
            }
        };
        var changes = settled.stream().map(StatusChange::of).toList();
        observer.settled(changes);
        status.publish(changes);
    }

    // A failure of the SMS fallback names the RCS refusal that led to it too.
    private static String prefixed(@Nullable String fallbackNote, String reason) {
        return fallbackNote == null ? reason : reason + " (after " + fallbackNote + ")";
    }

    private List<LedgerEntry> failed(BulkSms sms, String reason, int attempts) {
        log.warn("event=dispatch.failed campaignId={} batchId={} recipients={} attempts={} reason=\"{}\"",
                sms.campaignId(), sms.batchId(), sms.recipients().size(), attempts, reason);
        return ledger.settleFailed(sms.messageIds(), DispatchState.SENDING, reason, attempts);
    }
}
