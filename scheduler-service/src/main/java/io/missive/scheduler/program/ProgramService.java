package io.missive.scheduler.program;

import io.missive.events.Provider;
import io.missive.schemas.audit.AuditAct;
import io.missive.schemas.audit.AuditTrail;
import io.missive.schemas.channels.ChannelRule;
import io.missive.schemas.channels.RcsMode;
import io.missive.schemas.ids.MessageIds;
import io.missive.scheduler.CommandBlockedException;
import io.missive.scheduler.CommandRejectedException;
import io.missive.scheduler.directory.Directory.Supporter;
import io.missive.scheduler.directory.DirectoryLookup;
import io.missive.scheduler.planning.PlannedTime;
import io.missive.scheduler.planning.ProviderPolicy;
import io.missive.scheduler.program.CampaignStore.CampaignView;
import io.missive.scheduler.program.CampaignStore.CancelOutcome;
import io.missive.schemas.text.AircallBodyLength;
import io.missive.schemas.window.SendingWindow;
import io.missive.scheduler.rendering.FormLinks;
import io.missive.scheduler.rendering.LinkCodes;
import io.missive.scheduler.rendering.SegmentCount;
import io.missive.scheduler.rendering.Template;
import io.missive.scheduler.rendering.UnknownVariableException;
import io.missive.scheduler.rendering.Variable;
import io.missive.scheduler.resolution.RecipientResolver;
import io.missive.scheduler.program.CampaignStore.CampaignWriter;
import io.missive.scheduler.resolution.Resolution.Recipient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts program commands: resolve, render, choose the provider, store durably, announce (PENDING),
 * and reply. The same command id twice is a replay: nothing new is stored or sent.
 */
public final class ProgramService {

    public static final String MISSING_VARIABLE = "MISSING_VARIABLE";
    public static final String CANCELLED = "CANCELLED";
    private static final Logger LOG = LoggerFactory.getLogger(ProgramService.class);
    /** The due-queue leaves a campaign to its accepting instance this long after the commit, while it announces it. */
    private static final Duration ANNOUNCING_LEASE = Duration.ofMinutes(2);
    private static final int ANNOUNCE_PAGE = 10_000;
    private static final int PROGRESS_EVERY = 100_000;
    /** How much of a template the audit entry keeps: enough to recognise it, not a whole MMS. */
    private static final int AUDITED_TEXT = 500;

    private final CampaignStore store;
    private final DirectoryLookup directory;
    private final RecipientResolver resolver;
    private final MessageOutbox outbox;
    private final ProviderPolicy providerPolicy;
    private final FormLinks formLinks;
    private final SendingWindow window;
    private final String linkBaseUrl;
    private final Clock clock;
    private final AcceptanceGuard guard;
    private final AttachmentScreen attachments;
    private final AuditTrail audit;
    private final RcsMode rcsMode;
    private final String instanceId = "accept-" + UUID.randomUUID();

    /**
     * @param pageSize how many recipients are resolved, rendered and written at a time: what bounds the memory
     *                 an acceptance takes, whatever the size of the campaign
     */
    public ProgramService(CampaignStore store, DirectoryLookup directory, MessageOutbox outbox, ProviderPolicy providerPolicy,
                          String linkBaseUrl, Clock clock, int pageSize) {
        this(store, directory, outbox, providerPolicy, new FormLinks(FormLinks.DEFAULT_PATTERNS), SendingWindow.ALWAYS_OPEN, linkBaseUrl, clock,
                pageSize, AcceptanceGuard.NONE);
    }

    /** @param guard the send guard, which screens every command before anything is stored (issue 18) */
    public ProgramService(CampaignStore store, DirectoryLookup directory, MessageOutbox outbox, ProviderPolicy providerPolicy,
                          FormLinks formLinks, SendingWindow window, String linkBaseUrl, Clock clock, int pageSize,
                          AcceptanceGuard guard) {
        this(store, directory, outbox, providerPolicy, formLinks, window, linkBaseUrl, clock, pageSize, guard, AttachmentScreen.NONE,
                act -> { });
    }

    /**
     * @param attachments checks a command's attachment before anything else is done with it (issue 17)
     * @param audit       where a program and a cancel are recorded, inside the transaction that stores them: an act the
     *                    trail did not take is not done (decision 0021)
     */
    public ProgramService(CampaignStore store, DirectoryLookup directory, MessageOutbox outbox, ProviderPolicy providerPolicy,
                          FormLinks formLinks, SendingWindow window, String linkBaseUrl, Clock clock, int pageSize,
                          AcceptanceGuard guard, AttachmentScreen attachments, AuditTrail audit) {
        this(store, directory, outbox, providerPolicy, formLinks, window, linkBaseUrl, clock, pageSize, guard, attachments, audit,
                RcsMode.OFF);
    }

    /**
     * @param rcsMode {@code MISSIVE_RCS_MODE}, the SpotHit dispatcher's: the preview says with it which channel each
     *                message will take, by the dispatcher's own rule ({@link ChannelRule}, decision 0206)
     */
    public ProgramService(CampaignStore store, DirectoryLookup directory, MessageOutbox outbox, ProviderPolicy providerPolicy,
                          FormLinks formLinks, SendingWindow window, String linkBaseUrl, Clock clock, int pageSize,
                          AcceptanceGuard guard, AttachmentScreen attachments, AuditTrail audit, RcsMode rcsMode) {
        this.rcsMode = rcsMode;
        this.attachments = attachments;
        this.audit = audit;
        this.guard = guard;
        this.store = store;
        this.formLinks = formLinks;
        this.window = window;
        this.directory = directory;
        this.resolver = new RecipientResolver(directory, pageSize);
        this.outbox = outbox;
        this.providerPolicy = providerPolicy;
        this.linkBaseUrl = linkBaseUrl.endsWith("/") ? linkBaseUrl.substring(0, linkBaseUrl.length() - 1) : linkBaseUrl;
        this.clock = clock;
    }

    public record Receipt(boolean replay, CampaignView view) {
    }

    public Receipt accept(ProgramCommand command) {
        return accept(command, Origin.internal());
    }

    /**
     * @throws CommandRejectedException when the command cannot be accepted as given
     * @throws CommandBlockedException  when the send guard holds it (recorded as an attempt; nothing stored)
     */
    public Receipt accept(ProgramCommand command, Origin origin) {
        var existing = store.find(command.commandId());
        if (existing.isPresent()) {
            return new Receipt(true, existing.get());
        }
        var checked = check(command);
        var template = checked.template();
        var dueAt = checked.dueAt();
        var notices = checked.notices();
        var redirectionUrl = checked.redirectionUrl();
        var supporter = checked.supporter();
        var decision = checked.decision();

        var draft = new Campaign(command.commandId(), Campaign.State.PLANNED, decision.provider(), template.text(), dueAt,
                clock.instant(), 0, 0, 0, 0, false, true, command.attachment(), command.redirectionTargetId(), redirectionUrl,
                command.quitMessage(), command.workshopId(), command.supporterId(), decision.aircallNumberId(), command.purpose(),
                notices, command.urgent(), command.channel(), command.mediaId());
        var chosen = decision;
        var screening = guard.open(command, origin);
        var plan = new Plan(command, template, supporter, screening, System.nanoTime());
        Optional<Campaign> stored;
        try {
            screening.template(template);
            screening.checkpoint();
            stored = store.insert(draft, instanceId, ANNOUNCING_LEASE, writer -> {
                var filled = plan.run(draft, chosen, writer);
                writer.author(origin.author());
                audit.record(programmed(command, origin, filled));
                return filled;
            });
        } catch (UnknownVariableException e) {
            throw new CommandRejectedException("UNKNOWN_VARIABLE", e.getMessage(), e.variable());
        } catch (AcceptanceGuard.Tripped e) {
            var blocked = screening.refused();
            LOG.warn("event=campaign_held campaignId={} attempt={}", command.commandId(), blocked.attemptId());
            throw blocked;
        }
        if (stored.isEmpty()) {
            return new Receipt(true, store.find(command.commandId()).orElseThrow());
        }
        screening.accepted();
        var campaign = stored.get();
        long committed = System.nanoTime();
        LOG.info("event=campaign_accepted campaignId={} provider={} recipients={} failed={} dropped={} dueAt={} acceptMs={}",
                command.commandId(), campaign.provider(), campaign.recipientCount(), campaign.failedCount(),
                campaign.droppedCount(), dueAt, (committed - plan.started) / 1_000_000);
        try {
            announce(campaign, (after, limit) -> store.messagesAfter(command.commandId(), after, limit), outbox);
            store.markAnnounced(command.commandId(), instanceId);
            LOG.info("event=campaign_announced campaignId={} messages={} announceMs={}", command.commandId(),
                    campaign.recipientCount(), (System.nanoTime() - committed) / 1_000_000);
        } catch (RuntimeException e) {
            // Stored, so accepted: the due-queue announces it again once the lease lapses.
            LOG.warn("event=announce_deferred campaignId={} error={}", command.commandId(), e.toString(), e);
        }
        return new Receipt(false, store.find(command.commandId()).orElseThrow());
    }

    /** What a command is once checked, before any recipient is read: shared by acceptance and the preview. */
    private record Checked(Template template, java.time.Instant askedAt, java.time.Instant dueAt, List<String> notices,
                           @Nullable String redirectionUrl, @Nullable Supporter supporter, ProviderPolicy.Decision decision) {
    }

    /** Every check that can reject a command before resolution; throws {@link CommandRejectedException}. */
    private Checked check(ProgramCommand command) {
        var notices = new ArrayList<String>();
        var text = formLinks.tokenise(command.message());
        if (!text.equals(command.message())) {
            notices.add("form links (#st=) now carry each parent's {PARENT_SECURITY_TOKEN}");
        }
        boolean redirected = command.redirectionTargetId() != null && !command.redirectionTargetId().isBlank();
        if (redirected && !Template.parse(text, name -> true).uses(Variable.URL)) {
            // The programme's rule: a redirection target is always linked, at the end when the text does not place it.
            text = text + " " + Variable.URL.placeholder();
            notices.add("the message had no {URL} for redirection target " + command.redirectionTargetId()
                    + ": \" {URL}\" was appended");
        }
        Template template;
        try {
            template = Template.parse(text, directory::declared);
        } catch (UnknownVariableException e) {
            throw new CommandRejectedException("UNKNOWN_VARIABLE", e.getMessage(), e.variable());
        }
        var asked = PlannedTime.resolve(command.plannedDate(), command.plannedHour(), command.plannedAt(), clock);
        var dueAt = command.urgent() ? asked : window.nextOpening(asked);
        if (!dueAt.equals(asked)) {
            notices.add("planned for " + PlannedTime.describe(asked, window.zone()) + ", outside the sending window ("
                    + window.describe() + "): moved to " + PlannedTime.describe(dueAt, window.zone()));
        } else if (command.urgent() && !window.isOpen(asked)) {
            notices.add("urgent: sent at " + PlannedTime.describe(asked, window.zone()) + " although outside the sending window ("
                    + window.describe() + ")");
        }
        String redirectionUrl = null;
        if (redirected) {
            redirectionUrl = directory.redirectionTarget(command.redirectionTargetId())
                    .orElseThrow(() -> new CommandRejectedException("UNKNOWN_REDIRECTION_TARGET",
                            "redirection target " + command.redirectionTargetId() + " is not in the directory"))
                    .url();
        } else if (template.uses(Variable.URL)) {
            throw new CommandRejectedException("REDIRECTION_TARGET_REQUIRED",
                    "the message uses {URL} but the command has no redirectionTargetId");
        }
        Supporter supporter = null;
        if (command.supporterId() != null && !command.supporterId().isBlank()) {
            supporter = directory.supporters(List.of(command.supporterId())).get(command.supporterId());
            if (supporter == null) {
                throw new CommandRejectedException("UNKNOWN_SUPPORTER", "supporter " + command.supporterId() + " is not in the directory");
            }
        }
        var decision = providerPolicy.choose(command.provider(), command.purpose(),
                Optional.ofNullable(supporter).map(Supporter::aircallNumberId).orElse(null), command.aircallNumberId(),
                command.attachment() != null);
        if (command.attachment() != null) {
            // Refused now, with the rule named, rather than failing every message at send time.
            attachments.check(command.attachment());
        }
        return new Checked(template, asked, dueAt, List.copyOf(notices), redirectionUrl, supporter, decision);
    }

    /**
     * A dry run of {@link #accept}: the same checks, resolution, rendering and provider rule, with nothing
     * stored and nothing published. Keeps only counts, three samples and a capped list of names per drop
     * reason, so its memory does not grow with the campaign.
     */
    public ProgramPreview preview(ProgramCommand command, Origin origin) {
        long started = System.nanoTime();
        var checked = check(command);
        // The guard screens as at acceptance; neither refused() nor accepted() is called, so nothing is recorded.
        var screening = guard.open(command, origin);
        // The SpotHit dispatcher's rule on each rendered body, under the same mode (decision 0206): one rule, not a copy.
        boolean attachment = command.attachment() != null;
        var builder = new ProgramPreview.Builder(checked.template(), linkBaseUrl, screening,
                body -> ChannelRule.choose(rcsMode, command.channel(), attachment, command.mediaId(), body));
        // Nothing is written, so the next page can be read while this one is rendered (decision 0111).
        try (var rendering = new PagesOnAnotherThread(builder::page)) {
            resolver.resolve(command.recipients(), command.supporterId(), new HashSet<>(command.groupStatus()), checked.supporter(),
                    rendering);
            rendering.finish();
        }
        var decision = providerPolicy.checkAircallLimits(checked.decision(), builder.sendable(), builder.longest());
        var preview = builder.build(command.commandId(), checked.askedAt(), checked.dueAt(), checked.notices(), decision,
                rcsMode, directory);
        LOG.info("event=campaign_previewed recipients={} sendable={} dropped={} previewMs={}", preview.recipients(),
                preview.sendable(), preview.dropped(), (System.nanoTime() - started) / 1_000_000);
        return preview;
    }

    /** The audit entry of an accepted program, once per command id (a redelivered command is recorded once). */
    private static AuditAct programmed(ProgramCommand command, Origin origin, Campaign campaign) {
        var details = new LinkedHashMap<String, String>();
        details.put("channel", origin.channel().name().toLowerCase(Locale.ROOT));
        details.put("provider", campaign.provider().name());
        details.put("recipients", String.valueOf(campaign.recipientCount()));
        details.put("dueAt", campaign.dueAt().toString());
        details.put("urgent", String.valueOf(command.urgent()));
        var text = campaign.template();
        details.put("template", text.length() > AUDITED_TEXT ? text.substring(0, AUDITED_TEXT) + "…" : text);
        return AuditAct.of(origin.caller(), "program", "campaign:" + command.commandId(), details).once(command.commandId());
    }

    /**
     * Resolves, renders and writes one command a page at a time, inside the store's transaction, keeping only
     * the figures the provider rule needs over the whole campaign (sendable count, longest body).
     */
    private final class Plan {

        private final ProgramCommand command;
        private final Template template;
        private final @Nullable Supporter supporter;
        private final AcceptanceGuard.Screening screening;
        private final long started;
        private int seq;
        private int sendable;
        private int longest;
        private int dropped;

        Plan(ProgramCommand command, Template template, @Nullable Supporter supporter, AcceptanceGuard.Screening screening,
             long started) {
            this.command = command;
            this.screening = screening;
            this.template = template;
            this.supporter = supporter;
            this.started = started;
        }

        Campaign run(Campaign draft, ProviderPolicy.Decision chosen, CampaignWriter writer) {
            resolver.resolve(command.recipients(), command.supporterId(), new HashSet<>(command.groupStatus()), supporter, page -> {
                int before = seq;
                var messages = new ArrayList<PlannedMessage>(page.recipients().size());
                for (var recipient : page.recipients()) {
                    messages.add(render(recipient));
                }
                // Screened before it is written: a held command leaves nothing behind (the transaction rolls back).
                screening.checkpoint();
                writer.messages(messages);
                writer.dropped(page.selectorDrops(), page.filterDrops(), page.optedOut());
                dropped += page.selectorDrops().size() + page.filterDrops().size() + page.optedOut().size();
                if (seq / PROGRESS_EVERY > before / PROGRESS_EVERY) {
                    LOG.info("event=campaign_resolving campaignId={} recipients={} dropped={} elapsedMs={}", command.commandId(),
                            seq, dropped, (System.nanoTime() - started) / 1_000_000);
                }
            });
            var decision = providerPolicy.checkAircallLimits(chosen, sendable, longest);
            return new Campaign(draft.commandId(), draft.state(), decision.provider(), draft.template(), draft.dueAt(),
                    clock.instant(), seq, seq - sendable, dropped, 0, false, true, draft.attachment(), draft.redirectionTargetId(),
                    draft.redirectionUrl(), draft.quitMessage(), draft.workshopId(), draft.supporterId(),
                    decision.aircallNumberId(), draft.purpose(), draft.notices(), draft.urgent(), draft.channel(), draft.mediaId());
        }

        private PlannedMessage render(Recipient recipient) {
            var values = new HashMap<String, String>(recipient.values());
            String code = null;
            if (template.uses(Variable.URL)) {
                code = LinkCodes.mint();
                values.put(Variable.URL.name(), linkBaseUrl + "/r/" + code);
            }
            var rendering = template.render(values);
            var segments = SegmentCount.of(rendering.body());
            values.keySet().retainAll(template.variables());
            // The name travels with the failure, so whoever reads it knows which value to fill in.
            String failure = rendering.complete() ? null : MISSING_VARIABLE + ":" + rendering.firstMissing();
            if (failure == null) {
                screening.message(rendering.body(), values);
                sendable++;
                longest = Math.max(longest, AircallBodyLength.of(rendering.body()));
            }
            return new PlannedMessage(++seq, MessageIds.messageId(command.commandId(), recipient.key()), recipient.key(),
                    recipient.parentId(), recipient.childId(), recipient.phone(), recipient.supporterId(), rendering.body(),
                    segments.segments(), segments.encoding().name(), code, values, failure);
        }
    }

    /**
     * PENDING for every message, then FAILED for those missing a variable once their PENDING was acknowledged
     * (so the tracker has their row first). Reads the messages back a page at a time; a page is produced
     * while the previous one waits for its acks, so at most two pages are held.
     */
    public static void announce(Campaign campaign, MessagePages pages, MessageOutbox outbox) {
        var inFlight = new ArrayDeque<Announced>();
        var failedAcks = new ArrayList<CompletableFuture<Void>>();
        int after = 0;
        for (var page = pages.after(after, ANNOUNCE_PAGE); !page.isEmpty(); page = pages.after(after, ANNOUNCE_PAGE)) {
            var failing = page.stream().filter(m -> !m.sendable()).toList();
            inFlight.add(new Announced(outbox.planned(campaign, page), failing));
            after = page.getLast().seq();
            if (inFlight.size() > 1) {
                settle(campaign, inFlight.remove(), outbox, failedAcks);
            }
        }
        while (!inFlight.isEmpty()) {
            settle(campaign, inFlight.remove(), outbox, failedAcks);
        }
        CompletableFuture.allOf(failedAcks.toArray(CompletableFuture[]::new)).join();
    }

    private record Announced(CompletableFuture<Void> planned, List<PlannedMessage> failing) {
    }

    private static void settle(Campaign campaign, Announced page, MessageOutbox outbox, List<CompletableFuture<Void>> failedAcks) {
        page.planned().join();
        var byReason = new java.util.LinkedHashMap<String, List<PlannedMessage>>();
        for (var message : page.failing()) {
            byReason.computeIfAbsent(java.util.Objects.requireNonNull(message.failure()), r -> new ArrayList<>()).add(message);
        }
        byReason.forEach((reason, messages) -> failedAcks.add(outbox.failed(campaign, messages, reason)));
    }

    public Optional<CampaignView> find(String commandId) {
        return store.find(commandId);
    }

    /** A campaign with its first {@code listed} failed and dropped recipients and their counts by reason. */
    public Optional<CampaignView> find(String commandId, int listed) {
        return store.find(commandId, listed);
    }

    public CancelOutcome cancel(String commandId, String reason) {
        return cancel(commandId, reason, Origin.internal());
    }

    /** Cancels, recording who did it in the audit trail inside the cancel's transaction (only when it cancels now). */
    public CancelOutcome cancel(String commandId, String reason, Origin origin) {
        var outcome = store.cancel(commandId, reason, () -> audit.record(AuditAct.of(origin.caller(), "cancel",
                "campaign:" + commandId, Map.of("reason", reason, "channel", origin.channel().name().toLowerCase(Locale.ROOT)))));
        LOG.info("event=campaign_cancel campaignId={} outcome={}", commandId, outcome);
        return outcome;
    }
}
