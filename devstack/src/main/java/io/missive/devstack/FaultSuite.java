package io.missive.devstack;

import io.missive.simulators.spothit.SpotHitCall;
import io.missive.simulators.spothit.SpotHitSimulatorConfig.ReceiptPlan;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Drives a campaign through the running stack while breaking things: each service killed (SIGKILL)
 * and restarted, the broker and the database restarted, providers answering 5xx, timing out after
 * accepting, throttling, and sending receipts twice and out of order, and a SpotHit and an Aircall
 * outage in the middle of the campaign; then two small campaigns go as RCS basic, the second while
 * SpotHit refuses RCS for the account (the dispatcher falls back to SMS); then two aircall-dispatchers
 * share Aircall's limit while one is killed ({@link AircallReplicas}). The tracker is killed in the middle of its
 * retention purge of old messages seeded for it ({@link InterruptedPurge}). Then it checks, from the
 * simulators' own records and the Events store, that nothing was lost, sent twice or left unfinished,
 * and that every FAILED or EXPIRED message is explained by what the simulators did (decision 0005).
 */
public final class FaultSuite {

    /** One injected fault and how long the system took to be whole again. */
    public record FaultRow(String fault, String detail, double recoverySeconds) {
    }

    /**
     * The RCS row: two campaigns of a short text under {@code MISSIVE_RCS_MODE=short-as-basic}, the second while SpotHit
     * refuses RCS for the account.
     *
     * @param messages          messages of the two RCS campaigns
     * @param asRcs             messages SpotHit took as RCS basic (the Events store's channel)
     * @param read              of them, read (READ from the simulator's RCS events)
     * @param spotHitFallbacks  of them, marked {@code fallback} by SpotHit's events: phones without RCS got the SMS
     * @param notCapable        of them, phones the simulator's RCS plan says cannot receive RCS: must equal {@code spotHitFallbacks}
     * @param refusedCalls      RCS calls the simulator refused ({@code rcs_disabled})
     * @param refusedRecipients the recipients those calls named
     * @param missiveFallbacks  messages the dispatcher sent as SMS after SpotHit refused RCS ({@code RCS_REFUSED} in their
     *                          history): must equal {@code refusedRecipients} (once per message), and be above 0
     * @param notFinal          messages of the RCS campaigns still PENDING, IN_PROGRESS or SENT: must be 0
     */
    public record RcsRow(int messages, int asRcs, int read, int spotHitFallbacks, int notCapable, int refusedCalls,
                         int refusedRecipients, int missiveFallbacks, int notFinal) {

        public boolean passed() {
            return notFinal == 0 && asRcs > 0 && spotHitFallbacks == notCapable && refusedRecipients > 0
                    && missiveFallbacks == refusedRecipients;
        }
    }

    /**
     * @param byReason          FAILED and EXPIRED messages by status and reason kind (the reason up to its first colon)
     * @param receiptFailures   recipients SpotHit's simulator gave a FAILED or EXPIRED receipt
     * @param heldRecipients    recipients of calls the simulator accepted and then held (unknown outcomes)
     * @param heldWithoutReceipt held recipients no receipt reached the gateway for: what reconciliation cannot settle
     * @param reconciled        messages FAILED UNKNOWN_OUTCOME that their receipts reconciled (decision 0504)
     * @param unknownNeverTaken UNKNOWN_OUTCOME for recipients SpotHit never accepted: a kill cut their call before it
     *                          was taken (counted in {@code failedByOutage})
     * @param failedByOutage    FAILED because a provider was unavailable or a process was killed: must be 0
     * @param unexplained       FAILED or EXPIRED for a reason the simulators' records do not account for: must be 0
     * @param aircallReplicas   the two-replica Aircall row: 0 over the limit, at least 95 % of it used (null: not run)
     * @param tokens            forged, expired, truncated, replayed and other-issuer tokens against the staff endpoints: none
     *                          accepted, no 5xx
     * @param rcs               the RCS row
     * @param purge             the tracker's retention purge across its kill: resumed, finished, nothing else touched
     */
    public record Report(int parents, int accepted, int aircallMessages, List<FaultRow> faults, Map<String, Integer> finalCounts,
                         int spotHitAccepted, int duplicates, int lost, int notFinal, int overAircallLimit,
                         int deliveredNotAccepted, Map<String, Integer> byReason, int receiptFailures, int heldRecipients,
                         int heldWithoutReceipt, int reconciled, int unknownNeverTaken,
                         int failedByOutage, int unexplained, AircallReplicas.@Nullable Result aircallReplicas, double seconds,
                         BadTokens.Outcome tokens, RcsRow rcs, InterruptedPurge.Result purge) {

        public boolean passed() {
            return duplicates == 0 && lost == 0 && notFinal == 0 && overAircallLimit == 0 && deliveredNotAccepted == 0
                    && failedByOutage == 0 && unexplained == 0 && (aircallReplicas == null || aircallReplicas.passed())
                    && tokens.clean() && rcs.passed() && purge.passed();
        }

        /** FAILED/EXPIRED by provider receipt in the Events store. */
        public int failedByReceipt() {
            return byReason.entrySet().stream().filter(e -> e.getKey().contains("SPOTHIT_STATUS_"))
                    .mapToInt(Map.Entry::getValue).sum();
        }

        public int unknownOutcomes() {
            return byReason.getOrDefault("FAILED UNKNOWN_OUTCOME", 0);
        }

        public String table() {
            var out = new StringBuilder();
            out.append("\n  fault                                 detail                                   recovery\n");
            out.append("  ------------------------------------  ---------------------------------------  --------\n");
            for (var row : faults) {
                out.append("  %-36s  %-39s  %6.1f s%n".formatted(row.fault(), row.detail(), row.recoverySeconds()));
            }
            out.append("\n  recipients programmed          %8d (+%d Aircall, +%d RCS)%n".formatted(accepted, aircallMessages, rcs.messages()));
            out.append("  accepted by the SpotHit sim    %8d%n".formatted(spotHitAccepted));
            out.append("  final statuses                 %s%n".formatted(finalCounts));
            out.append("  messages lost                  %8d%n".formatted(lost));
            out.append("  recipients messaged twice      %8d%n".formatted(duplicates));
            out.append("  messages not final             %8d%n".formatted(notFinal));
            out.append("  DELIVERED but never accepted   %8d%n".formatted(deliveredNotAccepted));
            out.append("  Aircall requests over limit    %8d%n".formatted(overAircallLimit));
            out.append("  FAILED / EXPIRED by reason     %s%n".formatted(byReason));
            out.append("  failed/expired receipts (sim)  %8d   in the Events store %d%n".formatted(receiptFailures, failedByReceipt()));
            out.append("  UNKNOWN_OUTCOME                %8d   held recipients %d, of them without a receipt %d%n"
                    .formatted(unknownOutcomes(), heldRecipients, heldWithoutReceipt));
            out.append("  reconciled from receipts       %8d%n".formatted(reconciled));
            out.append("  UNKNOWN_OUTCOME never taken    %8d   (a kill cut the call before SpotHit took it)%n".formatted(unknownNeverTaken));
            out.append("  failed by an outage or a kill  %8d%n".formatted(failedByOutage));
            out.append("  failures unexplained           %8d%n".formatted(unexplained));
            if (aircallReplicas != null) {
                out.append("  Aircall, 2 replicas, 1 killed  %7.1f %% of the limit used, %d over it, %d/%d sent%n".formatted(
                        aircallReplicas.ratePercent(), aircallReplicas.overLimit(), aircallReplicas.sent(), aircallReplicas.messages()));
            }
            out.append("  RCS basic (short-as-basic)     %8d taken as RCS, %d read; SpotHit's SMS fallback %d (phones without RCS %d)%n"
                    .formatted(rcs.asRcs(), rcs.read(), rcs.spotHitFallbacks(), rcs.notCapable()));
            out.append("  RCS refused for the account    %8d calls, %d recipients; sent once as SMS by Missive %d; RCS not final %d%n"
                    .formatted(rcs.refusedCalls(), rcs.refusedRecipients(), rcs.missiveFallbacks(), rcs.notFinal()));
            out.append("  purge across a tracker kill    %8d due: %d redacted before the kill, %d after the restart, %d left, %d as the policy says; %d of %d not due touched%n"
                    .formatted(purge.due(), purge.redactedBeforeKill(), purge.redactedAfterRestart(), purge.dueLeft(),
                            purge.redactedAsPolicySays(), purge.notDueTouched(), purge.notDue()));
            out.append("  bad tokens accepted / 5xx      %8d / %d   of %d tried (forged, expired, truncated, replayed, another issuer)%n"
                    .formatted(tokens.accepted(), tokens.serverErrors(), tokens.tried()));
            tokens.findings().forEach(finding -> out.append("    %s%n".formatted(finding)));
            out.append("  verdict                        %8s   (%.0f s)%n".formatted(passed() ? "PASS" : "FAIL", seconds));
            return out.toString();
        }
    }

    private static final String CAMPAIGN = "faults-campaign";
    private static final int AIRCALL_MESSAGES = 6;
    /** The RCS campaigns: the first while SpotHit takes RCS, the second while it refuses RCS for the account. */
    private static final String RCS_TAKEN = "faults-rcs-taken";
    private static final String RCS_REFUSED = "faults-rcs-refused";
    private static final String RCS_CAMPAIGNS = "faults-rcs-%";
    /** 67 bytes of UTF-8: RCS basic under short-as-basic. */
    private static final String RCS_TEXT = "Rappel : l'atelier des parents a lieu demain à 10 h. À bientôt !";
    private static final int RCS_MESSAGES_MAX = 400;

    private final Stack stack;
    private final int parents;
    private final Consumer<String> progress;
    private final StackHttp http;
    private final Duration outage;
    private final int aircallReplicaMessages;
    private final List<FaultRow> faults = new ArrayList<>();

    /** The full size: ten-minute provider outages, ten minutes of two Aircall replicas at 60 a minute. */
    public FaultSuite(Stack stack, int parents, Consumer<String> progress) {
        this(stack, parents, Duration.ofMinutes(10), 600, progress);
    }

    /**
     * {@code outage}: how long SpotHit and then Aircall are down in the middle of the campaign;
     * {@code aircallReplicaMessages}: the two-replica Aircall row's messages (0: no such row).
     */
    public FaultSuite(Stack stack, int parents, Duration outage, int aircallReplicaMessages, Consumer<String> progress) {
        this.stack = stack;
        this.parents = parents;
        this.outage = outage;
        this.aircallReplicaMessages = aircallReplicaMessages;
        this.progress = progress;
        this.http = new StackHttp(stack);
    }

    /** The settings a stack needs for this suite: small SpotHit batches so that dispatch lasts through the faults. */
    public static Map<String, String> stackEnvironment() {
        var environment = new LinkedHashMap<>(Map.ofEntries(
                // The main campaign asks SMS; the RCS campaigns' short text goes as RCS basic (the RCS row).
                Map.entry("MISSIVE_RCS_MODE", "short-as-basic"),
                Map.entry("SPOT_HIT_BATCH_SIZE", "100"),
                Map.entry("SPOT_HIT_MAX_CALLS_PER_SECOND", "20"),
                // A call held by the provider beyond this is an unknown outcome, settled FAILED UNKNOWN_OUTCOME.
                Map.entry("MISSIVE_SPOTHIT_DISPATCH_CALLTIMEOUT", "5s"),
                Map.entry("MISSIVE_SPOTHIT_DISPATCH_STUCKAFTER", "20s"),
                Map.entry("MISSIVE_SPOTHIT_DISPATCH_RECOVERYINTERVAL", "5s"),
                // Parked messages come back within seconds of the end of an outage (decision 0205).
                Map.entry("MISSIVE_SPOTHIT_DISPATCH_PARKFIRSTWAIT", "2s"),
                Map.entry("MISSIVE_SPOTHIT_DISPATCH_PARKMAXWAIT", "15s"),
                Map.entry("AIRCALL_RETRY_DELAY_UNIT", "1s"),
                // Held calls are reconciled from their receipts a few seconds after they arrive (decision 0504).
                Map.entry("MISSIVE_TRACKER_RECONCILIATION_GRACE", "5s"),
                Map.entry("AIRCALL_REQUEST_TIMEOUT", "5s")));
        // A purge every two seconds in small paced batches, for the purge row; nothing else in the suite is old enough.
        environment.putAll(InterruptedPurge.ENVIRONMENT);
        return Map.copyOf(environment);
    }

    public Report run() {
        try (http) {
            return runSuite();
        }
    }

    private Report runSuite() {
        long started = System.nanoTime();
        var simulators = stack.simulators();
        simulators.spotHit().receipts(ReceiptPlan.realistic(stack.spotHitCallbackUrl("/spot_hit/status"))
                .withTiming(Duration.ofMillis(300), Duration.ofSeconds(2))
                .withDisorder(0.2, 0.3));
        simulators.spotHit().faults().latency(Duration.ofMillis(150));

        progress.accept("importing " + parents + " parents");
        var directory = DemoDirectory.generate(parents);
        directory.importInto(stack);
        int accepted = programCampaign(directory.summary());
        programAircallMessages(directory.summary());
        progress.accept("campaign of " + accepted + " recipients programmed; injecting faults");

        inject("SpotHit 5xx burst", "next 5 calls answer 503", () -> simulators.spotHit().faults().serverErrors(5, 503));
        crash("spothit-dispatcher");
        // The outage begins once the killed dispatcher is back, not at the kill: a call in flight when the process
        // dies that SpotHit then answers 503 was never taken, and no receipt can ever settle it. Missive cannot tell
        // it from a call SpotHit took, so it is FAILED UNKNOWN_OUTCOME by design (decision 0504). The gate "never
        // taken" is left for what Missive controls: messages claimed for a call that the kill stopped before it left.
        var outages = Thread.ofVirtual().name("faults-outages").start(this::outages);
        inject("SpotHit rate-limit refusals", "next 5 calls refused (code 63)", () -> simulators.spotHit().faults().rateLimitRefusals(5));
        inject("SpotHit timeout after accepting", "2 calls held 12 s after acceptance",
                () -> simulators.spotHit().faults().holdAfterAccepting(2, Duration.ofSeconds(12)));
        crash("scheduler-service");
        crash("webhook-gateway");
        inject("Aircall 5xx and 429 burst", "3 × 503 then 4 × 429", () -> {
            simulators.aircall().faults().failNext(3, 503);
            simulators.aircall().faults().throttleNext(4);
        });
        crash("aircall-dispatcher");
        var purge = new InterruptedPurge(stack, progress);
        faults.add(purge.killTrackerMidPurge());
        timed("Kafka broker restart", "SIGTERM, same port and data", () -> stack.infrastructure().restartKafka());
        timed("PostgreSQL restart", "stop and start, same data", () -> stack.infrastructure().restartPostgres());
        simulators.spotHit().faults().latency(Duration.ZERO);
        try {
            outages.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int rcsAccepted = rcsCampaigns(directory.summary(), accepted);

        progress.accept("faults done; waiting until every message is final");
        var counts = awaitFinal(accepted + AIRCALL_MESSAGES + rcsAccepted, Duration.ofMinutes(5).plus(outage));
        awaitReconciled(Duration.ofMinutes(2));
        int notFinal = counts.getOrDefault("PENDING", 0) + counts.getOrDefault("IN_PROGRESS", 0) + counts.getOrDefault("SENT", 0);
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        int spotHitAccepted = simulators.spotHit().acceptedPhones().size();
        int deliveredOrExpired = 0;
        for (var campaign : List.of(CAMPAIGN, RCS_TAKEN, RCS_REFUSED)) {
            var campaignCounts = http.campaignCounts(campaign);
            deliveredOrExpired += campaignCounts.getOrDefault("DELIVERED", 0) + campaignCounts.getOrDefault("READ", 0)
                    + campaignCounts.getOrDefault("EXPIRED", 0);
        }
        var byReason = failuresByReason();
        var receiptStatuses = simulators.spotHit().finalReceiptStatuses();
        int receiptFailures = receiptStatuses.getOrDefault(4, 0) + receiptStatuses.getOrDefault(5, 0);
        int held = simulators.spotHit().heldRecipients();
        int heldWithoutReceipt = simulators.spotHit().heldRecipientsWithoutReceipt();
        int failedByOutage = 0;
        int unexplained = 0;
        int byReceipt = 0;
        for (var entry : byReason.entrySet()) {
            var kind = entry.getKey().substring(entry.getKey().indexOf(' ') + 1);
            if (kind.startsWith("SPOTHIT_STATUS_")) {
                byReceipt += entry.getValue();
            } else if (kind.equals("PROVIDER_UNAVAILABLE") || kind.equals("SPOTHIT_UNAVAILABLE")
                    || kind.startsWith("AIRCALL_5") || kind.equals("AIRCALL_UNREACHABLE")) {
                failedByOutage += entry.getValue();
            } else if (!kind.equals("UNKNOWN_OUTCOME")) {
                unexplained += entry.getValue();
            }
        }
        // Receipts reconcile the calls held after acceptance (decision 0504): the failed receipts the simulator sent
        // are all in the Events store, but for the held recipients whose receipts never reached the gateway.
        if (byReceipt > receiptFailures || receiptFailures - byReceipt > heldWithoutReceipt) {
            unexplained += Math.abs(receiptFailures - byReceipt);
        }
        // Last, on a quiet stack (no Aircall fault or outage under way), so that the rate it measures is the limiter's.
        AircallReplicas.Result replicas = null;
        if (aircallReplicaMessages > 0) {
            long rowStarted = System.nanoTime();
            replicas = new AircallReplicas(stack, progress).run(aircallReplicaMessages);
            faults.add(new FaultRow("Aircall: 2 replicas, one SIGKILLed", "%.1f %% of %d/%ds used, %d over the limit"
                    .formatted(replicas.ratePercent(), stack.simulators().aircall().config().requestsPerWindow(),
                            stack.simulators().aircall().config().window().toSeconds(), replicas.overLimit()), replicas.resumedSeconds()));
            progress.accept("aircall replicas done in %.0f s: %s".formatted((System.nanoTime() - rowStarted) / 1e9, replicas));
        }
        // UNKNOWN_OUTCOME: SpotHit took the message and its receipt came → it should have been reconciled (unexplained);
        // SpotHit took it and no receipt came → at most the held recipients without a receipt; SpotHit never took it →
        // a kill cut the call before SpotHit took it, a message failed by a kill.
        var acceptedPhones = simulators.spotHit().acceptedPhones().keySet();
        var receipted = simulators.spotHit().receiptedPhones();
        int unreconciled = 0;
        int withoutReceipt = 0;
        int neverTaken = 0;
        for (var phone : unknownOutcomePhones()) {
            if (!acceptedPhones.contains(phone)) {
                neverTaken++;
            } else if (receipted.contains(phone)) {
                unreconciled++;
            } else {
                withoutReceipt++;
            }
        }
        failedByOutage += neverTaken;
        unexplained += unreconciled + Math.max(0, withoutReceipt - heldWithoutReceipt);
        var rcs = rcsRow(rcsAccepted);
        progress.accept("rcs: " + rcs);
        var purged = purge.result(Duration.ofMinutes(2));
        progress.accept("purge row: " + purged);
        var tokens = BadTokens.probe(stack);
        progress.accept("bad tokens: %d tried, %d accepted, %d 5xx".formatted(tokens.tried(), tokens.accepted(), tokens.serverErrors()));
        return new Report(parents, accepted, AIRCALL_MESSAGES, List.copyOf(faults), counts, spotHitAccepted,
                simulators.spotHit().duplicatedPhones().size() + duplicatedAircallRecipients(),
                Math.max(0, accepted + AIRCALL_MESSAGES + rcsAccepted - total), notFinal, simulators.aircall().overLimitRequests(),
                Math.max(0, deliveredOrExpired - spotHitAccepted), byReason, receiptFailures, held,
                heldWithoutReceipt, reconciledMessages(), neverTaken, failedByOutage,
                unexplained, replicas, (System.nanoTime() - started) / 1e9, tokens, rcs, purged);
    }

    /**
     * Two small campaigns of a short text to parents the main campaign does not reach (one child, in a waiting group),
     * so that a phone is messaged by one campaign only: the first as RCS basic (phones without RCS get SpotHit's own
     * SMS fallback), the second while SpotHit refuses RCS for the account, so the dispatcher sends each message once
     * as SMS. The first goes while the main campaign's backlog still drains after the faults (parked, circuit open);
     * the refusal waits until both have left the dispatcher, so that the row's count is exact (the dispatcher's
     * fallbacks = the refused recipients): a kill or a transient failure inside the refusal window is not what the
     * row measures (decision 0005). Returns the messages accepted.
     */
    private int rcsCampaigns(DemoDirectory.Summary directory, int mainCampaign) {
        var recipients = new ArrayList<Integer>();
        int wanted = Math.min(RCS_MESSAGES_MAX, Math.max(20, parents / 25));
        for (int parent = 1; parent <= parents && recipients.size() < wanted; parent++) {
            if (DemoDirectory.isInAWaitingGroupOnly(parent, directory)) {
                recipients.add(parent);
            }
        }
        var spotHit = stack.simulators().spotHit();
        var half = recipients.size() / 2;
        long started = System.nanoTime();
        int taken = programRcs(RCS_TAKEN, recipients.subList(0, half));
        awaitLeftDispatcher(RCS_TAKEN, taken, Duration.ofMinutes(3));
        faults.add(new FaultRow("RCS basic, SpotHit's SMS fallback", taken + " short texts, "
                + Math.round(spotHit.rcsPlan().capableShare() * 100) + " % of phones RCS", (System.nanoTime() - started) / 1e9));
        awaitLeftDispatcher(CAMPAIGN, mainCampaign, Duration.ofMinutes(3));

        var plan = spotHit.rcsPlan();
        started = System.nanoTime();
        spotHit.rcs(plan.disabledForTheAccount());
        int refused;
        try {
            refused = programRcs(RCS_REFUSED, recipients.subList(half, recipients.size()));
            awaitLeftDispatcher(RCS_REFUSED, refused, Duration.ofMinutes(2));
        } finally {
            spotHit.rcs(plan);
        }
        faults.add(new FaultRow("SpotHit refuses RCS for the account", refused + " short texts, then sent as SMS",
                (System.nanoTime() - started) / 1e9));
        progress.accept("rcs campaigns: %d as RCS, %d while RCS was refused".formatted(taken, refused));
        return taken + refused;
    }

    private int programRcs(String commandId, List<Integer> recipients) {
        var selectors = recipients.stream().map(parent -> "{\"selector\":\"parent." + parent + "\"}").collect(Collectors.joining(","));
        var reply = http.program("""
                {"commandId":"%s","plannedAt":"%s","recipients":[%s],"groupStatus":["waiting"],"message":"%s"}"""
                .formatted(commandId, Instant.now(), selectors, RCS_TEXT));
        if (reply.statusCode() / 100 != 2) {
            throw new IllegalStateException("an RCS campaign was refused: " + reply.statusCode() + " " + reply.body());
        }
        return StackHttp.json(reply.body()).path("accepted").asInt();
    }

    /** Until every message of the campaign is SENT or final (none PENDING or IN_PROGRESS), or {@code timeout}. */
    private void awaitLeftDispatcher(String campaign, int expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            var counts = http.campaignCounts(campaign);
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            if (total >= expected && counts.getOrDefault("PENDING", 0) + counts.getOrDefault("IN_PROGRESS", 0) == 0) {
                return;
            }
            pause(Duration.ofMillis(500));
        }
        progress.accept(campaign + ": not every message left the dispatcher within " + timeout);
    }

    /** The RCS row, from the Events store and the SpotHit simulator's calls and RCS plan. */
    private RcsRow rcsRow(int messages) {
        var plan = stack.simulators().spotHit().rcsPlan();
        var takenAsRcs = readStore("""
                select phone, fallback, status = 6 or read_at is not null from tracker.text_message_events
                where campaign_id like ? and channel like 'RCS%'""", RCS_CAMPAIGNS,
                rows -> new TakenAsRcs(rows.getString(1), rows.getBoolean(2), rows.getBoolean(3)));
        int spotHitFallbacks = (int) takenAsRcs.stream().filter(TakenAsRcs::fallback).count();
        int read = (int) takenAsRcs.stream().filter(TakenAsRcs::read).count();
        int notCapable = (int) takenAsRcs.stream().filter(row -> !plan.capable(row.phone())).count();
        int missiveFallbacks = readStore("""
                select count(distinct h.message_id) from tracker.status_history h
                join tracker.text_message_events m on m.message_id = h.message_id
                where m.campaign_id like ? and h.reason like '%RCS_REFUSED%'""", RCS_CAMPAIGNS, rows -> rows.getInt(1)).getFirst();
        int notFinal = readStore("""
                select count(*) from tracker.text_message_events where campaign_id like ? and status not in (1, 4, 5, 6)""",
                RCS_CAMPAIGNS, rows -> rows.getInt(1)).getFirst();
        var refused = stack.simulators().spotHit().calls().stream()
                .filter(call -> call.endpoint().equals("rcs") && "rcs_disabled".equals(call.errors())).toList();
        return new RcsRow(messages, takenAsRcs.size(), read, spotHitFallbacks, notCapable, refused.size(),
                refused.stream().mapToInt(SpotHitCall::recipients).sum(), missiveFallbacks, notFinal);
    }

    private record TakenAsRcs(String phone, boolean fallback, boolean read) {
    }

    /**
     * SpotHit down for {@code outage} (every call answered 503 for the first half, every connection
     * refused for the second), then Aircall down for as long (every request 503), while the other
     * faults go on: the dispatchers must park and retry, never fail (decisions 0205, 0303).
     */
    private void outages() {
        var spotHit = stack.simulators().spotHit();
        var half = outage.dividedBy(2);
        progress.accept("SpotHit outage for " + outage + " begins");
        spotHit.faults().serverErrors(Integer.MAX_VALUE, 503);
        pause(half);
        spotHit.refuseConnections();
        pause(half);
        spotHit.acceptConnections();
        spotHit.faults().serverErrors(0, 503);
        faults.add(new FaultRow("SpotHit outage", "503s, then connections refused, " + outage.toSeconds() + " s", outage.toSeconds()));
        progress.accept("SpotHit outage over; Aircall outage for " + outage + " begins");
        var aircall = stack.simulators().aircall();
        aircall.faults().down(true);
        pause(outage);
        aircall.faults().down(false);
        faults.add(new FaultRow("Aircall outage", "every request 503, " + outage.toSeconds() + " s", outage.toSeconds()));
        progress.accept("Aircall outage over");
    }

    /** FAILED and EXPIRED messages of the suite's campaigns, by status and reason kind, from the Events store. */
    private Map<String, Integer> failuresByReason() {
        var infrastructure = stack.infrastructure();
        var counts = new TreeMap<String, Integer>();
        try (var connection = DriverManager.getConnection(infrastructure.jdbcUrl("missive"), infrastructure.jdbcUsername(),
                infrastructure.jdbcPassword());
             var statement = connection.prepareStatement("""
                     select case status when 4 then 'FAILED' else 'EXPIRED' end, split_part(coalesce(reason, 'none'), ':', 1), count(*)
                     from tracker.text_message_events
                     where status in (4, 5) and (campaign_id = ? or campaign_id like 'faults-aircall-%' or campaign_id like 'faults-rcs-%')
                     group by 1, 2""")) {
            statement.setString(1, CAMPAIGN);
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1) + " " + rows.getString(2), rows.getInt(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the Events store", e);
        }
        return counts;
    }

    /** The phones of the suite's SpotHit messages FAILED UNKNOWN_OUTCOME, from the Events store. */
    private List<String> unknownOutcomePhones() {
        return readStore("""
                select phone from tracker.text_message_events
                where (campaign_id = ? or campaign_id like 'faults-rcs-%') and status = 4 and reason like 'UNKNOWN_OUTCOME%'""",
                CAMPAIGN, rows -> rows.getString(1));
    }

    /** Messages of the suite's campaign the tracker reconciled from their receipts. */
    private int reconciledMessages() {
        return readStore("""
                select count(distinct h.message_id) from tracker.status_history h
                join tracker.text_message_events m on m.message_id = h.message_id
                where (m.campaign_id = ? or m.campaign_id like 'faults-rcs-%') and h.source = 'status-tracker:reconciliation'""",
                CAMPAIGN, rows -> rows.getInt(1)).getFirst();
    }

    private interface Row<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** The rows of a query with one parameter, a campaign id or pattern. */
    private <T> List<T> readStore(String sql, String campaign, Row<T> row) {
        var infrastructure = stack.infrastructure();
        try (var connection = DriverManager.getConnection(infrastructure.jdbcUrl("missive"), infrastructure.jdbcUsername(),
                infrastructure.jdbcPassword());
             var statement = connection.prepareStatement(sql)) {
            statement.setString(1, campaign);
            try (var rows = statement.executeQuery()) {
                var read = new ArrayList<T>();
                while (rows.next()) {
                    read.add(row.read(rows));
                }
                return read;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the Events store", e);
        }
    }

    private int programCampaign(DemoDirectory.Summary directory) {
        var groups = directory.activeGroupIds().stream().map(id -> "{\"selector\":\"group." + id + "\"}")
                .collect(Collectors.joining(","));
        var reply = http.program("""
                {"commandId":"%s","plannedAt":"%s","recipients":[%s],
                 "message":"{PRENOM_ENFANT} a une nouvelle vidéo : {URL}","redirectionTargetId":"%s","channel":"SMS"}"""
                .formatted(CAMPAIGN, Instant.now(), groups, DemoDirectory.REDIRECTION_TARGET_ID));
        if (reply.statusCode() / 100 != 2) {
            throw new IllegalStateException("the campaign was refused: " + reply.statusCode() + " " + reply.body());
        }
        return StackHttp.json(reply.body()).path("accepted").asInt();
    }

    /** Aircall call0_goals messages to the first eligible parents, each from the supporter who follows them. */
    private void programAircallMessages(DemoDirectory.Summary directory) {
        int sent = 0;
        for (int parent = 1; sent < AIRCALL_MESSAGES && parent <= parents; parent++) {
            if (!DemoDirectory.isEligible(parent, directory)) {
                continue;
            }
            sent++;
            var reply = http.program("""
                    {"commandId":"faults-aircall-%d","plannedAt":"%s","recipients":[{"selector":"parent.%d"}],
                     "message":"Bonjour, voici vos objectifs.","supporterId":"%s","provider":"AIRCALL","purpose":"call0_goals"}"""
                    .formatted(sent, Instant.now(), parent, DemoDirectory.supporterOf(parent, directory)));
            if (reply.statusCode() / 100 != 2) {
                throw new IllegalStateException("an Aircall message was refused: " + reply.statusCode() + " " + reply.body());
            }
        }
    }

    private void crash(String service) {
        timed("SIGKILL " + service, "killed mid-work, restarted", () -> {
            var process = stack.service(service);
            process.kill();
            process.start();
            process.awaitHealthy(Duration.ofMinutes(2));
        });
    }

    private void inject(String fault, String detail, Runnable action) {
        action.run();
        faults.add(new FaultRow(fault, detail, 0));
        progress.accept("injected: " + fault);
        pause(Duration.ofSeconds(2));
    }

    private void timed(String fault, String detail, Runnable action) {
        long started = System.nanoTime();
        action.run();
        double seconds = (System.nanoTime() - started) / 1e9;
        faults.add(new FaultRow(fault, detail, seconds));
        progress.accept("%s: recovered in %.1f s".formatted(fault, seconds));
    }

    private Map<String, Integer> awaitFinal(int expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Integer> counts = Map.of();
        while (System.nanoTime() < deadline) {
            counts = allCounts();
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            int open = counts.getOrDefault("PENDING", 0) + counts.getOrDefault("IN_PROGRESS", 0) + counts.getOrDefault("SENT", 0);
            progress.accept("final " + (total - open) + "/" + expected + " " + counts);
            if (total >= expected && open == 0) {
                return counts;
            }
            pause(Duration.ofSeconds(2));
        }
        return counts;
    }

    /**
     * An unknown outcome is FAILED, so final, before its receipts reconcile it: waits until no message in
     * doubt has a receipt the gateway took, or {@code timeout}.
     */
    private void awaitReconciled(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            var receipted = stack.simulators().spotHit().receiptedPhones();
            long waiting = unknownOutcomePhones().stream().filter(receipted::contains).count();
            progress.accept("unknown outcomes with a receipt, not reconciled yet: " + waiting);
            if (waiting == 0) {
                return;
            }
            pause(Duration.ofSeconds(2));
        }
    }

    private Map<String, Integer> allCounts() {
        var total = new LinkedHashMap<String, Integer>(http.campaignCounts(CAMPAIGN));
        for (var rcs : List.of(RCS_TAKEN, RCS_REFUSED)) {
            http.campaignCounts(rcs).forEach((status, count) -> total.merge(status, count, Integer::sum));
        }
        for (int parent = 1; parent <= AIRCALL_MESSAGES; parent++) {
            http.campaignCounts("faults-aircall-" + parent).forEach((status, count) -> total.merge(status, count, Integer::sum));
        }
        return total;
    }

    private int duplicatedAircallRecipients() {
        return (int) stack.simulators().aircall().acceptedByRecipient().values().stream().filter(list -> list.size() > 1).count();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
