package io.missive.spothit.dispatch;

import io.missive.events.ChannelChoice;
import io.missive.schemas.erasure.ErasedPhones;
import io.missive.schemas.erasure.Erasures;
import io.missive.schemas.logging.Masking;
import io.missive.schemas.optouts.OptOuts;
import io.missive.spothit.dispatch.media.MediaLibrary;
import io.missive.spothit.dispatch.media.MediaOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requested messages to SpotHit exactly once. For each poll of requested messages: record
 * them in the ledger (a message the ledger already knows is not sent again; if it is settled its
 * status is announced again, in case the previous run died before publishing it), fail those whose
 * phone opted out since acceptance ({@code OPTED_OUT}) and those the safeguard stops, then for each bulk
 * call: IN_PROGRESS published, ledger SENDING, call, ledger settled, status published. A call SpotHit cannot take now parks its
 * messages (docs/decisions/0205). An RCS call SpotHit refuses (0206) goes again once as SMS, under the same batch.
 * A call with an attachment names its SpotHit media id, uploaded once per content before the call (0207).
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
    private final OptOuts optOuts;
    private final MediaLibrary media;
    private final ErasedPhones erased;
    /** Whether parked messages may be waiting for SpotHit: true at start, since the ledger may hold some. */
    private volatile boolean parkedWaiting = true;

    public Dispatcher(DispatchLedger ledger, ResilientSender sender, StatusPort status, BulkPlanner planner,
                      Safeguard safeguard, DispatchObserver observer, Parking parking) {
        this(ledger, sender, status, planner, safeguard, observer, parking, OptOuts.none());
    }

    public Dispatcher(DispatchLedger ledger, ResilientSender sender, StatusPort status, BulkPlanner planner,
                      Safeguard safeguard, DispatchObserver observer, Parking parking, OptOuts optOuts) {
        this(ledger, sender, status, planner, safeguard, observer, parking, optOuts, MediaLibrary.NONE, ErasedPhones.NONE);
    }

    /**
     * @param media  the SpotHit media id of a call's attachment, uploaded once (docs/decisions/0207)
     * @param erased the phones of erased parents: a request for one that comes after the erasure fails {@code ERASED}
     */
    public Dispatcher(DispatchLedger ledger, ResilientSender sender, StatusPort status, BulkPlanner planner,
                      Safeguard safeguard, DispatchObserver observer, Parking parking, OptOuts optOuts, MediaLibrary media,
                      ErasedPhones erased) {
        this.media = media;
        this.erased = erased;
        this.optOuts = optOuts;
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
        var optedOutIds = new ArrayList<String>();
        var erasedIds = new ArrayList<String>();
        var pendingPhones = messages.values().stream()
                .filter(m -> entries.get(m.messageId()).state() == DispatchState.PENDING).map(RequestedMessage::phone).toList();
        // Asked now, not at acceptance: a STOP that landed since the campaign was accepted is honoured.
        var optedOut = optOuts.optedOutAmong(pendingPhones);
        // Claimed after the parent's erasure (the request was still in Kafka): the erasure could not fail it.
        var erasedPhones = erased.among(pendingPhones);
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
                    if (erasedPhones.contains(message.phone())) {
                        erasedIds.add(message.messageId());
                        log.info("event=dispatch.erased messageId={} campaignId={}", message.messageId(), message.campaignId());
                    } else if (optedOut.contains(message.phone())) {
                        optedOutIds.add(message.messageId());
                        log.info("event=dispatch.opted_out messageId={} campaignId={} phone={}",
                                message.messageId(), message.campaignId(), Masking.phone(message.phone()));
                    } else if (safeguard.allows(message.phone())) {
                        toSend.add(message);
                    } else {
                        blocked.add(message.messageId());
                        log.info("event=dispatch.safeguard messageId={} campaignId={} phone={}",
                                message.messageId(), message.campaignId(), Masking.phone(message.phone()));
                    }
                }
            }
        }
        if (!erasedIds.isEmpty()) {
            // As the erasure's own failures: the row forgets the phone, and the announcement does not carry it.
            var refused = ledger.settleFailed(erasedIds, DispatchState.PENDING, Erasures.REASON, 0).stream()
                    .<StatusChange>map(entry -> new StatusChange.Failed(entry.messageId(), Erasures.REDACTED, Erasures.REASON, 0))
                    .toList();
            ledger.forgetPhones(erasedIds);
            observer.settled(refused);
            announcements.addAll(refused);
        }
        refuse(optedOutIds, OptOuts.REASON, announcements);
        refuse(blocked, Safeguard.REASON, announcements);
        status.publish(announcements);
        sendAll(toSend, DispatchState.PENDING);
    }

    /** Fails pending messages that may not be sent, for {@code reason}, and adds their FAILED to the announcements. */
    private void refuse(List<String> messageIds, String reason, List<StatusChange> announcements) {
        if (!messageIds.isEmpty()) {
            var refused = ledger.settleFailed(messageIds, DispatchState.PENDING, reason, 0).stream().map(StatusChange::of).toList();
            observer.settled(refused);
            announcements.addAll(refused);
        }
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
        // Announced before the ledger moves to SENDING: if Kafka refuses it, nothing was claimed and
        // the redelivered poll tries again; announced after, a refusal would leave rows SENDING that
        // recovery later fails as UNKNOWN_OUTCOME though nothing reached SpotHit. A recipient another
        // instance took first is in that instance's call, so its IN_PROGRESS is true all the same.
        // A parked message's retry is not announced again: its IN_PROGRESS (retrying) already says it waits.
        if (from == DispatchState.PENDING) {
            status.publish(planned.recipients().stream()
                    .map(recipient -> new StatusChange.InProgress(recipient.messageId(), recipient.phone()))
                    .toList());
        }
        // The rate-limit wait comes before the claim, so that a kill during it leaves the messages PENDING; and while
        // the circuit is open the messages are parked unclaimed: a kill can leave SENDING only a call about to be made.
        var permit = sender.reserve();
        var away = permit.circuitOpen();
        if (away != null) {
            announce(parked(planned, from, byId, away.reason(), 0));
            return;
        }
        Set<String> taken = ledger.startSending(planned, from);
        if (taken.isEmpty()) {
            return;
        }
        var sms = taken.size() == planned.recipients().size() ? planned : planned.restrictedTo(taken);
        if (sms.needsUpload()) {
            // Part of the call: a file that cannot be had fails the messages, a host or SpotHit away parks them.
            switch (media.mediaFor(sms.campaignId(), java.util.Objects.requireNonNull(sms.attachmentUrl()))) {
                case MediaOutcome.Ready ready -> sms = sms.withMedia(ready.mediaId());
                case MediaOutcome.Refused refused -> {
                    announce(failed(sms, refused.reason(), 0));
                    return;
                }
                case MediaOutcome.Unavailable unavailable -> {
                    announce(parked(sms, DispatchState.SENDING, byId, unavailable.reason(), 0));
                    return;
                }
            }
        }
        var attempted = sender.send(sms, permit);
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
            // Once refused, RCS is not tried again for these messages: parked because the SMS call could not be
            // made now, they are stored asking for SMS, so their retry goes as SMS (or MMS) straight away.
            sms.messageIds().forEach(id -> byId.computeIfPresent(id, (key, message) -> message.withChannel(ChannelChoice.SMS)));
            var again = sender.send(sms);
            observer.callFinished(sms, again);
            attempted = new ResilientSender.Attempted(again.outcome(), attempted.attempts() + again.attempts());
        }
        settle(sms, byId, attempted, fallbackNote);
    }

    private void settle(BulkSms sms, Map<String, RequestedMessage> byId, ResilientSender.Attempted attempted,
                        @Nullable String fallbackNote) {
        List<LedgerEntry> settled = switch (attempted.outcome()) {
            case SendOutcome.Accepted accepted -> {
                log.info("event=dispatch.sent campaignId={} batchId={} recipients={} spotHitMessageId={} attempts={} channel={} fallback={}",
                        sms.campaignId(), sms.batchId(), sms.recipients().size(), accepted.spotHitMessageId(),
                        attempted.attempts(), sms.channel(), fallbackNote != null);
                var sent = ledger.settleSent(sms, accepted.spotHitMessageId(), attempted.attempts(), fallbackNote);
                if (parkedWaiting) {
                    parkedWaiting = false;
                    int woken = ledger.wakeParked();
                    if (woken > 0) {
                        log.info("event=dispatch.provider_back parkedMadeDue={}", woken);
                    }
                }
                yield sent;
            }
            case SendOutcome.Refused refused -> failed(sms, prefixed(fallbackNote, refused.reason()), attempted.attempts());
            case SendOutcome.Unavailable unavailable ->
                    parked(sms, DispatchState.SENDING, byId, prefixed(fallbackNote, unavailable.reason()), attempted.attempts());
            case SendOutcome.Unknown unknown -> {
                log.warn("event=dispatch.unknown_outcome campaignId={} batchId={} recipients={} detail=\"{}\"",
                        sms.campaignId(), sms.batchId(), sms.recipients().size(), unknown.reason());
                yield ledger.settleFailed(sms.messageIds(), DispatchState.SENDING, UnknownOutcomePolicy.REASON,
                        attempted.attempts());
            }
        };
        announce(settled);
    }

    private void announce(List<LedgerEntry> settled) {
        var changes = settled.stream().map(StatusChange::of).toList();
        observer.settled(changes);
        status.publish(changes);
    }

    // A failure of the SMS fallback names the RCS refusal that led to it too.
    private static String prefixed(@Nullable String fallbackNote, String reason) {
        return fallbackNote == null ? reason : reason + " (after " + fallbackNote + ")";
    }

    /**
     * Parks the call's messages that are in state {@code from} (SENDING after a call; PENDING or PARKED when no call was
     * made); returns the changes to announce (announced parks and those given up on).
     */
    private List<LedgerEntry> parked(BulkSms sms, DispatchState from, Map<String, RequestedMessage> byId, String reason,
                                     int attempts) {
        parkedWaiting = true;
        var messages = sms.messageIds().stream().map(byId::get).toList();
        var parked = ledger.park(sms, from, messages, reason, attempts, parking);
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
