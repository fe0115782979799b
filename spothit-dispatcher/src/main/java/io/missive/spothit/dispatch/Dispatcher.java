package io.missive.spothit.dispatch;

import io.missive.schemas.logging.Masking;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requested messages to SpotHit exactly once. For each poll of requested messages: record
 * them in the ledger (a message the ledger already knows is not sent again; if it is settled its
 * status is announced again, in case the previous run died before publishing it), fail those the
 * safeguard stops, then for each bulk call: ledger SENDING, call, ledger settled, status published.
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
    private final Parking parking;
    /** Whether parked messages may be waiting for SpotHit: true at start, since the ledger may hold some. */
    private volatile boolean parkedWaiting = true;

    public Dispatcher(DispatchLedger ledger, ResilientSender sender, StatusPort status, BulkPlanner planner,
                      Safeguard safeguard, DispatchObserver observer, Parking parking) {
        this.ledger = ledger;
        this.sender = sender;
        this.status = status;
        this.planner = planner;
        this.safeguard = safeguard;
        this.observer = observer;
        this.parking = parking;
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
                // Its first poll parked it: the retry loop owns it now, and its IN_PROGRESS was announced.
                case PARKED -> log.debug("event=dispatch.skipped reason=parked messageId={} campaignId={}",
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
        sendAll(toSend, DispatchState.PENDING);
    }

    /** Sends parked messages whose next attempt is due (read from the ledger, in planned order). */
    public void resend(List<RequestedMessage> dueParked) {
        sendAll(dueParked, DispatchState.PARKED);
    }

    private void sendAll(List<RequestedMessage> messages, DispatchState from) {
        if (messages.isEmpty()) {
            return;
        }
        var byId = new LinkedHashMap<String, RequestedMessage>();
        messages.forEach(message -> byId.put(message.messageId(), message));
        for (var sms : planner.plan(messages)) {
            send(sms, from, byId);
        }
    }

    private void send(BulkSms planned, DispatchState from, Map<String, RequestedMessage> byId) {
        Set<String> taken = ledger.startSending(planned, from);
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
                var sent = ledger.settleSent(sms, accepted.spotHitMessageId(), attempted.attempts());
                if (parkedWaiting) {
                    parkedWaiting = false;
                    int woken = ledger.wakeParked();
                    if (woken > 0) {
                        log.info("event=dispatch.provider_back parkedMadeDue={}", woken);
                    }
                }
                yield sent;
            }
            case SendOutcome.Refused refused -> failed(sms, refused.reason(), attempted.attempts());
            case SendOutcome.Unavailable unavailable -> parked(sms, byId, unavailable.reason(), attempted.attempts());
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

    /** Parks the call's messages; returns the changes to announce (first parks and those given up on). */
    private List<LedgerEntry> parked(BulkSms sms, Map<String, RequestedMessage> byId, String reason, int attempts) {
        parkedWaiting = true;
        var messages = sms.messageIds().stream().map(byId::get).toList();
        var parked = ledger.park(sms, messages, reason, attempts, parking);
        log.warn("event=dispatch.parked campaignId={} batchId={} recipients={} parked={} gaveUp={} attempts={} reason=\"{}\"",
                sms.campaignId(), sms.batchId(), sms.recipients().size(), parked.parked(), parked.gaveUp().size(),
                attempts, reason);
        var changes = new ArrayList<LedgerEntry>(parked.gaveUp());
        changes.addAll(parked.firstParked());
        return changes;
    }

    private List<LedgerEntry> failed(BulkSms sms, String reason, int attempts) {
        log.warn("event=dispatch.failed campaignId={} batchId={} recipients={} attempts={} reason=\"{}\"",
                sms.campaignId(), sms.batchId(), sms.recipients().size(), attempts, reason);
        return ledger.settleFailed(sms.messageIds(), DispatchState.SENDING, reason, attempts);
    }
}
