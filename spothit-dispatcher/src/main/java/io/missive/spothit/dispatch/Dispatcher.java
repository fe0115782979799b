package io.missive.spothit.dispatch;

import io.missive.schemas.logging.Masking;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requested messages to SpotHit exactly once. For each poll of requested messages: record
 * them in the ledger (a message the ledger already knows is not sent again; if it is settled its
 * status is announced again, in case the previous run died before publishing it), fail those the
 * safeguard stops, then for each bulk call: IN_PROGRESS published, ledger SENDING, call, ledger settled,
 * status published.
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
        // Announced before the ledger moves to SENDING: if Kafka refuses it, nothing was claimed and
        // the redelivered poll tries again; announced after, a refusal would leave rows SENDING that
        // recovery later fails as UNKNOWN_OUTCOME though nothing reached SpotHit. A recipient another
        // instance took first is in that instance's call, so its IN_PROGRESS is true all the same.
        status.publish(planned.recipients().stream()
                .map(recipient -> new StatusChange.InProgress(recipient.messageId(), recipient.phone()))
                .toList());
        Set<String> taken = ledger.startSending(planned);
        if (taken.isEmpty()) {
            return;
        }
        var sms = taken.size() == planned.recipients().size() ? planned : planned.restrictedTo(taken);
        var attempted = sender.send(sms);
        observer.callFinished(sms, attempted);
        List<LedgerEntry> settled = switch (attempted.outcome()) {
            case SendOutcome.Accepted accepted -> {
                log.info("event=dispatch.sent campaignId={} batchId={} recipients={} spotHitMessageId={} attempts={} mms={}",
                        sms.campaignId(), sms.batchId(), sms.recipients().size(), accepted.spotHitMessageId(),
                        attempted.attempts(), sms.isMms());
                yield ledger.settleSent(sms, accepted.spotHitMessageId(), attempted.attempts());
            }
            case SendOutcome.Refused refused -> failed(sms, refused.reason(), attempted.attempts());
            case SendOutcome.Unavailable unavailable -> failed(sms, unavailable.reason(), attempted.attempts());
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

    private List<LedgerEntry> failed(BulkSms sms, String reason, int attempts) {
        log.warn("event=dispatch.failed campaignId={} batchId={} recipients={} attempts={} reason=\"{}\"",
                sms.campaignId(), sms.batchId(), sms.recipients().size(), attempts, reason);
        return ledger.settleFailed(sms.messageIds(), DispatchState.SENDING, reason, attempts);
    }
}
