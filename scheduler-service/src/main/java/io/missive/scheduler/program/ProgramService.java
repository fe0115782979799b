package io.missive.scheduler.program;

import io.missive.events.Provider;
import io.missive.schemas.ids.MessageIds;
import io.missive.scheduler.CommandRejectedException;
import io.missive.scheduler.directory.Directory.Supporter;
import io.missive.scheduler.planning.PlannedTime;
import io.missive.scheduler.planning.ProviderPolicy;
import io.missive.scheduler.program.CampaignStore.CampaignView;
import io.missive.scheduler.program.CampaignStore.CancelOutcome;
import io.missive.scheduler.rendering.LinkCodes;
import io.missive.scheduler.rendering.SegmentCount;
import io.missive.scheduler.rendering.Template;
import io.missive.scheduler.rendering.UnknownVariableException;
import io.missive.scheduler.rendering.Variable;
import io.missive.scheduler.resolution.DirectoryLookup;
import io.missive.scheduler.resolution.RecipientResolver;
import io.missive.scheduler.resolution.Resolution;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
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

    private final CampaignStore store;
    private final DirectoryLookup directory;
    private final RecipientResolver resolver;
    private final MessageOutbox outbox;
    private final ProviderPolicy providerPolicy;
    private final String linkBaseUrl;
    private final Clock clock;
    private final String instanceId = "accept-" + UUID.randomUUID();

    public ProgramService(CampaignStore store, DirectoryLookup directory, MessageOutbox outbox, ProviderPolicy providerPolicy,
                          String linkBaseUrl, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.resolver = new RecipientResolver(directory);
        this.outbox = outbox;
        this.providerPolicy = providerPolicy;
        this.linkBaseUrl = linkBaseUrl.endsWith("/") ? linkBaseUrl.substring(0, linkBaseUrl.length() - 1) : linkBaseUrl;
        this.clock = clock;
    }

    public record Receipt(boolean replay, CampaignView view) {
    }

    public Receipt accept(ProgramCommand command) {
        var existing = store.find(command.commandId());
        if (existing.isPresent()) {
            return new Receipt(true, existing.get());
        }
        Template template;
        try {
            template = Template.parse(command.message());
        } catch (UnknownVariableException e) {
            throw new CommandRejectedException("UNKNOWN_VARIABLE", e.getMessage());
        }
        var dueAt = PlannedTime.resolve(command.plannedDate(), command.plannedHour(), command.plannedAt(), clock);
        String redirectionUrl = null;
        if (command.redirectionTargetId() != null && !command.redirectionTargetId().isBlank()) {
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
        Optional<Supporter> commandSupporter = Optional.ofNullable(supporter);
        var decision = providerPolicy.choose(command.provider(), command.purpose(),
                commandSupporter.map(Supporter::aircallNumberId).orElse(null), command.aircallNumberId());

        long started = System.nanoTime();
        Resolution resolution;
        try {
            resolution = resolver.resolve(command.recipients(), command.supporterId(), new HashSet<>(command.groupStatus()), supporter);
        } catch (UnknownVariableException e) {
            throw new CommandRejectedException("UNKNOWN_VARIABLE", e.getMessage());
        }
        long resolved = System.nanoTime();
        var messages = new ArrayList<PlannedMessage>(resolution.recipients().size());
        int seq = 0;
        int longest = 0;
        int sendable = 0;
        for (var recipient : resolution.recipients()) {
            var values = new EnumMap<Variable, String>(Variable.class);
            values.putAll(recipient.values());
            String code = null;
            if (template.uses(Variable.URL)) {
                code = LinkCodes.mint();
                values.put(Variable.URL, linkBaseUrl + "/r/" + code);
            }
            var rendering = template.render(values);
            var segments = SegmentCount.of(rendering.body());
            values.keySet().retainAll(template.variables());
            String failure = rendering.complete() ? null : MISSING_VARIABLE;
            if (failure == null) {
                sendable++;
                longest = Math.max(longest, rendering.body().codePointCount(0, rendering.body().length()));
            }
            messages.add(new PlannedMessage(++seq, MessageIds.messageId(command.commandId(), recipient.key()), recipient.key(),
                    recipient.parentId(), recipient.childId(), recipient.phone(), recipient.supporterId(), rendering.body(),
                    segments.segments(), segments.encoding().name(), code, values, failure));
        }
        long rendered = System.nanoTime();
        decision = providerPolicy.checkAircallLimits(decision, sendable, longest);
        Provider provider = decision.provider();
        int failed = messages.size() - sendable;
        var campaign = new Campaign(command.commandId(), Campaign.State.PLANNED, provider, command.message(), dueAt,
                clock.instant(), messages.size(), failed, resolution.dropped().size(), 0, false, true,
                command.attachment(), command.redirectionTargetId(), redirectionUrl, command.quitMessage(),
                command.workshopId(), command.supporterId(), decision.aircallNumberId(), command.purpose());
        if (!store.insert(campaign, messages, resolution.dropped(), instanceId, clock.instant().plus(Duration.ofMinutes(2)))) {
            return new Receipt(true, store.find(command.commandId()).orElseThrow());
        }
        long stored = System.nanoTime();
        LOG.info("event=campaign_accepted campaignId={} provider={} recipients={} failed={} dropped={} dueAt={} resolveMs={} renderMs={} storeMs={}",
                command.commandId(), provider, messages.size(), failed, resolution.dropped().size(), dueAt,
                (resolved - started) / 1_000_000, (rendered - resolved) / 1_000_000, (stored - rendered) / 1_000_000);
        try {
            announce(campaign, messages, outbox);
            store.markAnnounced(command.commandId(), instanceId);
            LOG.info("event=campaign_announced campaignId={} messages={} announceMs={}", command.commandId(), messages.size(),
                    (System.nanoTime() - stored) / 1_000_000);
        } catch (RuntimeException e) {
            // Stored, so accepted: the due-queue announces it again once the lease lapses.
            LOG.warn("event=announce_deferred campaignId={} error={}", command.commandId(), e.toString(), e);
        }
        return new Receipt(false, store.find(command.commandId()).orElseThrow());
    }

    /**
     * PENDING for every message, then FAILED for those missing a variable (so the tracker has their row
     * first). Chunks are produced back to back and awaited together at the end.
     */
    public static void announce(Campaign campaign, List<PlannedMessage> messages, MessageOutbox outbox) {
        final int chunk = 10_000;
        var acks = new ArrayList<CompletableFuture<Void>>();
        for (int from = 0; from < messages.size(); from += chunk) {
            acks.add(outbox.planned(campaign, messages.subList(from, Math.min(messages.size(), from + chunk))));
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
        var failing = messages.stream().filter(m -> !m.sendable()).collect(Collectors.toList());
        if (!failing.isEmpty()) {
            outbox.failed(campaign, failing, MISSING_VARIABLE).join();
        }
    }

    public Optional<CampaignView> find(String commandId) {
        return store.find(commandId);
    }

    public CancelOutcome cancel(String commandId, String reason) {
        var outcome = store.cancel(commandId, reason);
        LOG.info("event=campaign_cancel campaignId={} outcome={}", commandId, outcome);
        return outcome;
    }
}
