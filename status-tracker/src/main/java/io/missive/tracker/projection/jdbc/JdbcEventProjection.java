package io.missive.tracker.projection.jdbc;

import io.missive.events.Provider;
import io.missive.events.Status;
import io.missive.events.StatusUpdated;
import io.missive.schemas.logging.Masking;
import io.missive.tracker.projection.BatchOutcome;
import io.missive.tracker.projection.EventProjection;
import io.missive.tracker.projection.Lifecycle;
import io.missive.tracker.projection.MessageProgress;
import io.missive.tracker.projection.ProjectedEvents;
import io.missive.tracker.projection.StatusFold;
import io.missive.tracker.projection.Transition;
import io.missive.tracker.reconciliation.Reconciliation;
import io.missive.schemas.ids.MessageIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Events store in PostgreSQL. One transaction per batch: a few set-based statements per event type;
 * statuses are folded through the {@link Lifecycle} in Java ({@link StatusFold}) on rows locked for the
 * transaction, so concurrent consumers (or instances) never lose a transition. An event read again (a
 * redelivery) changes nothing: plans and status reports are idempotent by the store's own keys (a plan
 * the row already holds, a report the message's history already holds, a receipt already stored), the
 * rare other types by claiming their event keys ({@link ProjectedEvents.Type#claimed()}). This class
 * orders the steps; the rows, receipts and side tables write themselves.
 */
public class JdbcEventProjection implements EventProjection {

    private static final Logger log = LoggerFactory.getLogger(JdbcEventProjection.class);
    private static final int ATTEMPTS_ON_CONFLICT = 5;

    private final SqlArrays sql;
    private final MessageRows rows;
    private final ProviderReceipts receipts;
    private final SideTables sideTables;
    private final UnknownOutcomes unknownOutcomes;
    private final TransactionTemplate transactions;

    public JdbcEventProjection(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.sql = new SqlArrays(jdbc);
        this.rows = new MessageRows(sql);
        this.receipts = new ProviderReceipts(sql);
        this.sideTables = new SideTables(sql);
        this.unknownOutcomes = new UnknownOutcomes(sql);
        this.transactions = transactions;
    }

    @Override
    public BatchOutcome apply(List<SpecificRecord> events) {
        for (int attempt = 1; ; attempt++) {
            try {
                var outcome = transactions.execute(status -> applyInTransaction(events));
                if (outcome == null) {
                    throw new IllegalStateException("the projection transaction returned nothing");
                }
                return outcome;
            } catch (ConcurrencyFailureException conflict) {
                // A deadlock or lock timeout against another consumer: the whole batch is retried.
                if (attempt >= ATTEMPTS_ON_CONFLICT) {
                    throw conflict;
                }
                log.warn("event=projection_conflict attempt={} events={} cause={}", attempt, events.size(), conflict.getMessage());
            }
        }
    }

    private BatchOutcome applyInTransaction(List<SpecificRecord> events) {
        // Every statement here looks a batch's keys up in an indexed table: index lookups are right whatever
        // the table's size, whereas the planner, on a table that grew since it was last analysed, may scan,
        // sort or hash all of it for every batch.
        sql.update("set local enable_seqscan = off");
        sql.update("set local enable_hashjoin = off");
        sql.update("set local enable_mergejoin = off");
        var batch = claim(events);
        var counters = new CampaignCounters(sql);
        var planned = batch.of(ProjectedEvents.PLANNED);
        var plans = rows.plan(planned, counters);
        batch.alreadyApplied(ProjectedEvents.PLANNED, planned.size() - plans.applied());
        counters.campaigns(planned);
        var statuses = batch.of(ProjectedEvents.STATUS);
        var folded = statuses(statuses, plans.completed(), counters);
        batch.alreadyApplied(ProjectedEvents.STATUS, folded.alreadyApplied());
        counters.flush();
        sideTables.aircallRecorded(batch.of(ProjectedEvents.AIRCALL_RECORDED));
        sideTables.inbound(batch.of(ProjectedEvents.INBOUND));
        sideTables.optOuts(batch.of(ProjectedEvents.OPT_OUT));
        sideTables.clicks(batch.of(ProjectedEvents.CLICK));
        sideTables.calls(batch.of(ProjectedEvents.CALL));
        var result = folded.result();
        return new BatchOutcome(batch.counts(), events.size() - batch.size(), result.anomalies().size(),
                result.plannedToSent(), result.sentToDelivered());
    }

    /**
     * The batch's events, once each; of the types that claim their event keys, only those not projected
     * before (the others find out as they are applied).
     */
    private Batch claim(List<SpecificRecord> events) {
        var unique = new LinkedHashMap<String, SpecificRecord>();
        var toClaim = new ArrayList<String>();
        for (var event : events) {
            var eventId = ProjectedEvents.eventId(event);
            if (unique.putIfAbsent(eventId, event) == null && ProjectedEvents.typeOf(event).claimed()) {
                toClaim.add(eventId);
            }
        }
        var fresh = toClaim.isEmpty() ? Set.<String>of() : new HashSet<>(sql.query(
                "insert into processed_events (event_id) select unnest(?::text[]) on conflict do nothing returning event_id",
                result -> result.getString(1), (Object) toClaim.toArray(String[]::new)));
        var batch = new Batch();
        unique.forEach((eventId, event) -> {
            if (!ProjectedEvents.typeOf(event).claimed() || fresh.contains(eventId)) {
                batch.add(event);
            }
        });
        return batch;
    }

    /** A batch's status reports as folded, and how many of them had been applied before (redeliveries). */
    private record FoldedStatuses(StatusFold.Result result, int alreadyApplied) {
        static final FoldedStatuses NOTHING = new FoldedStatuses(StatusFold.Result.NOTHING, 0);
    }

    /**
     * Status reports: a report naming its message applies to it; a provider receipt is parked and matched
     * to the messages carrying its provider id; the matches of receipts parked before are looked up for the
     * provider ids this batch teaches (by a SENT, or by a plan completing a message already known by one).
     */
    private FoldedStatuses statuses(List<StatusUpdated> statuses, Map<String, ProviderIdentity> completed,
                                    CampaignCounters counters) {
        if (statuses.isEmpty() && completed.isEmpty()) {
            return FoldedStatuses.NOTHING;
        }
        var direct = new ArrayList<StatusUpdated>();
        var receipted = new ArrayList<StatusUpdated>();
        for (var event : statuses) {
            if (event.getMessageId() != null) {
                direct.add(event);
            } else if (event.getProvider() != null && event.getProviderMessageId() != null) {
                receipted.add(event);
            } else {
                log.warn("event=status_unresolvable eventId={} status={} source={} phone={}",
                        event.getEventId(), event.getStatus(), event.getSource(), Masking.phone(event.getPhone()));
            }
        }
        receipts.takeTurnsOn(Stream.concat(statuses.stream().map(StatusUpdated::getProviderMessageId),
                completed.values().stream().map(ProviderIdentity::providerMessageId)).filter(id -> id != null).toList());
        var learned = learnMessages(direct);
        completed.forEach(learned::putIfAbsent);
        var parked = receipts.park(receipted);
        unknownOutcomes.record(direct);

        // The batch's position of each report orders a message's reports; a receipt parked before comes first.
        var positions = new HashMap<String, Integer>();
        for (int position = 0; position < statuses.size(); position++) {
            positions.put(statuses.get(position).getEventId(), position);
        }
        var reports = new LinkedHashMap<String, StatusFold.Report>();
        for (var event : direct) {
            var transition = new Transition(event.getMessageId(), event.getEventId(), event.getStatus(),
                    event.getOccurredAt(), event.getSource(), event.getReason(), event.getAttempts(),
                    event.getChannel(), event.getFallback());
            reports.putIfAbsent(MessageRows.key(transition), new StatusFold.Report(transition, positions.get(event.getEventId())));
        }
        var directKeys = new HashSet<>(reports.keySet());
        for (var transition : receipts.matching(parked, learned.values())) {
            reports.putIfAbsent(MessageRows.key(transition),
                    new StatusFold.Report(transition, positions.getOrDefault(transition.eventId(), -1)));
        }
        var folded = foldAndWrite(reports, learned, counters);
        rows.noteNextAttempts(direct);
        var directAgain = folded.alreadyInHistory().stream().filter(directKeys::contains).count();
        return new FoldedStatuses(folded.result(), (int) directAgain + receipted.size() - parked.size());
    }

    /** The reports as folded, and the keys ({@link MessageRows#key}) of those the history held already. */
    private record Written(StatusFold.Result result, Set<String> alreadyInHistory) {
        static final Written NOTHING = new Written(StatusFold.Result.NOTHING, Set.of());
    }

    /**
     * Folds the reports into the messages' rows, locked in message-id order, and writes rows and history. A
     * report the message's history holds already was applied before (a redelivery, or a receipt parked before
     * and matched again): it is left out, checked once the rows are locked so that two consumers cannot both
     * apply it.
     */
    private Written foldAndWrite(Map<String, StatusFold.Report> reports, Map<String, ProviderIdentity> learned,
                                 CampaignCounters counters) {
        if (reports.isEmpty()) {
            return Written.NOTHING;
        }
        var messageIds = reports.values().stream().map(r -> r.transition().messageId()).distinct().sorted().toArray(String[]::new);
        var locked = rows.lock(messageIds);
        var alreadyInHistory = rows.alreadyInHistory(reports.values().stream().map(StatusFold.Report::transition).toList());
        var current = new HashMap<String, MessageProgress>();
        locked.forEach((messageId, row) -> current.put(messageId, row.progress()));
        var folded = StatusFold.fold(current, reports.values().stream()
                .filter(r -> !alreadyInHistory.contains(MessageRows.key(r.transition()))).toList());
        for (var anomaly : folded.anomalies()) {
            log.warn("event=status_anomaly messageId={} status={} reported={} eventId={} source={}",
                    anomaly.report().messageId(), anomaly.kept(), anomaly.report().status(),
                    anomaly.report().eventId(), anomaly.report().source());
        }
        rows.writeHistory(folded.history());
        rows.writeProgress(folded.progressed(), learned);
        var leftWaiting = new ArrayList<String>();
        for (var progress : folded.progressed()) {
            var row = locked.get(progress.messageId());
            counters.moved(row.campaignId(), row.provider(), CampaignCounters.Place.of(row.progress()), CampaignCounters.Place.of(progress));
            if (row.waiting() && row.progress().status() == Status.IN_PROGRESS && progress.status() != Status.IN_PROGRESS) {
                leftWaiting.add(progress.messageId());
            }
        }
        rows.leftWaiting(leftWaiting.stream().sorted().toList());
        sideTables.followMessageStatuses(outboundAircall(folded.progressed(), locked, learned));
        return new Written(folded, alreadyInHistory);
    }

    /**
     * Reconciles unknown outcomes from SpotHit's receipts (decision 0504), in one transaction of its own:
     * the messages that adopt a campaign are reported SENT by the tracker (the one way out of FAILED,
     * {@link Lifecycle#reconcile}), then the receipts stored for that campaign and number apply as they
     * would after any SENT. Returns the messages reconciled (0 while another instance reconciles).
     */
    public Reconciled reconcileUnknownOutcomes(Duration window, Duration grace, int limit) {
        var outcome = transactions.execute(status -> {
            if (!unknownOutcomes.tryLock()) {
                return Reconciled.NONE;
            }
            var candidates = unknownOutcomes.candidates(window, grace, limit);
            if (candidates.isEmpty()) {
                return Reconciled.NONE;
            }
            var decision = Reconciliation.decide(candidates,
                    unknownOutcomes.campaignsOfCalls(candidates.stream().map(Reconciliation.Candidate::callId).toList()),
                    unknownOutcomes.callsOfCampaigns(candidates.stream().map(Reconciliation.Candidate::providerMessageId).toList()));
            for (var ambiguous : decision.ambiguous()) {
                log.info("event=reconciliation_ambiguous messageId={} callId={} spotHitMessageId={} phone={}",
                        ambiguous.messageId(), ambiguous.callId(), ambiguous.providerMessageId(), Masking.phone(ambiguous.phone()));
            }
            var adoptions = decision.adoptions();
            if (adoptions.isEmpty()) {
                return Reconciled.NONE;
            }
            receipts.takeTurnsOn(adoptions.stream().map(Reconciliation.Adoption::providerMessageId).toList());
            var learned = new TreeMap<String, ProviderIdentity>();
            var reports = new LinkedHashMap<String, StatusFold.Report>();
            var now = Instant.now();
            for (var adoption : adoptions) {
                learned.put(adoption.messageId(), new ProviderIdentity(adoption.messageId(), Provider.SPOTHIT,
                        adoption.providerMessageId(), adoption.phone()));
                var sent = Transition.reconciled(adoption.messageId(),
                        MessageIds.eventIdFrom(Transition.RECONCILIATION, adoption.messageId(), adoption.providerMessageId()),
                        now, adoption.providerMessageId());
                // First among the message's reports: the receipts it lets in come after it.
                reports.put(MessageRows.key(sent), new StatusFold.Report(sent, Integer.MIN_VALUE));
                log.info("event=unknown_outcome_reconciled messageId={} callId={} spotHitMessageId={}",
                        adoption.messageId(), adoption.callId(), adoption.providerMessageId());
            }
            for (var transition : receipts.matching(List.of(), learned.values())) {
                reports.putIfAbsent(MessageRows.key(transition), new StatusFold.Report(transition, -1));
            }
            // The campaigns' counters move with the messages, in the same transaction (decision 506).
            var counters = new CampaignCounters(sql);
            var folded = foldAndWrite(reports, learned, counters).result();
            counters.flush();
            unknownOutcomes.markReconciled(adoptions);
            return new Reconciled(adoptions.size(), folded);
        });
        return outcome == null ? Reconciled.NONE : outcome;
    }

    /** What a reconciliation did: the messages that adopted a campaign, and their reports as folded. */
    public record Reconciled(int messages, StatusFold.Result folded) {
        static final Reconciled NONE = new Reconciled(0, StatusFold.Result.NOTHING);
    }

    /** Creates the rows of messages not planned yet; returns what the batch's SENT reports teach: provider ids. */
    private Map<String, ProviderIdentity> learnMessages(List<StatusUpdated> direct) {
        var learned = new TreeMap<String, ProviderIdentity>();
        var ids = new TreeSet<String>();
        for (var event : direct) {
            ids.add(event.getMessageId());
            if (event.getProvider() != null && event.getProviderMessageId() != null) {
                learned.putIfAbsent(event.getMessageId(), new ProviderIdentity(event.getMessageId(), event.getProvider(),
                        event.getProviderMessageId(), event.getPhone()));
            }
        }
        rows.createMissing(ids);
        return learned;
    }

    /** The progressed messages sent through Aircall: by the id their row carries, or the one this batch taught. */
    private static List<SideTables.Outbound> outboundAircall(List<MessageProgress> progressed,
                                                             Map<String, MessageRows.Locked> locked,
                                                             Map<String, ProviderIdentity> learned) {
        var outbound = new ArrayList<SideTables.Outbound>();
        for (var progress : progressed) {
            var known = locked.get(progress.messageId()).aircallMessageId();
            var taught = learned.get(progress.messageId());
            var aircallId = known != null ? known
                    : taught != null && taught.provider() == Provider.AIRCALL ? taught.providerMessageId() : null;
            if (aircallId != null) {
                outbound.add(new SideTables.Outbound(aircallId, progress.status()));
            }
        }
        return outbound;
    }

    /** A batch's fresh events by type, each type's in the order they were read. */
    private static final class Batch {
        private final Map<ProjectedEvents.Type<?>, List<SpecificRecord>> byType = new LinkedHashMap<>();
        private int size;

        private final Map<ProjectedEvents.Type<?>, Integer> alreadyApplied = new HashMap<>();

        void add(SpecificRecord event) {
            byType.computeIfAbsent(ProjectedEvents.typeOf(event), type -> new ArrayList<>()).add(event);
            size++;
        }

        /** Of this type's events, {@code count} turned out to be applied before: they are not counted as applied. */
        void alreadyApplied(ProjectedEvents.Type<?> type, int count) {
            alreadyApplied.merge(type, count, Integer::sum);
            size -= count;
        }

        <E extends SpecificRecord> List<E> of(ProjectedEvents.Type<E> type) {
            return byType.getOrDefault(type, List.of()).stream().map(type.javaClass()::cast).toList();
        }

        int size() {
            return size;
        }

        Map<String, Integer> counts() {
            var counts = new LinkedHashMap<String, Integer>();
            byType.forEach((type, events) -> counts.put(type.name(), events.size() - alreadyApplied.getOrDefault(type, 0)));
            return counts;
        }
    }
}
