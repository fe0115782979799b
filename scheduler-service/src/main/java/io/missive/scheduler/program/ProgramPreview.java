package io.missive.scheduler.program;

import io.missive.events.Channel;
import io.missive.events.Provider;
import io.missive.schemas.channels.RcsMode;
import io.missive.schemas.ids.MessageIds;
import io.missive.schemas.text.AircallBodyLength;
import io.missive.scheduler.directory.DirectoryLookup;
import io.missive.scheduler.planning.ProviderPolicy;
import io.missive.scheduler.rendering.LinkCodes;
import io.missive.scheduler.rendering.SegmentCount;
import io.missive.scheduler.rendering.Template;
import io.missive.scheduler.rendering.Variable;
import io.missive.scheduler.resolution.DropReason;
import io.missive.scheduler.resolution.Resolution.Dropped;
import io.missive.scheduler.resolution.Resolution.Page;
import io.missive.scheduler.resolution.Resolution.Recipient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.TreeMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What a command would do if it were accepted now: how many recipients, who is dropped and why, what three
 * of them would receive and how it travels, and what it costs in SMS parts. Nothing of it is stored.
 *
 * @param askedAt      the time the command asks for
 * @param plannedAt    when it would go: {@code askedAt}, or the sending window's next opening (quiet hours)
 * @param notices      what acceptance would change and say (form links tokenised, {URL} appended, time moved)
 * @param recipients   rendered recipients (sendable + failed), as {@code recipients} of the real campaign
 * @param sendable     recipients whose message renders completely
 * @param dropped      recipients dropped before rendering, all reasons together
 * @param drops        per drop reason, the count and the first {@value #NAMES_PER_REASON} names behind it
 * @param failures     per failure reason ({@code MISSING_VARIABLE:<name>}), the same
 * @param smsUnits     SMS parts over every sendable message
 * @param encodings    how many sendable messages travel as GSM7 and as UCS2
 * @param samples      the first three rendered messages, in command order
 * @param guard        the send guard's verdict: {@value #PASS}, or {@value #HELD} when acceptance would hold the command
 * @param channel      the channel most sendable messages take (SMS, MMS, RCS_BASIC, RCS_RICH or AIRCALL)
 * @param channels     how many sendable messages take each channel (only the channels taken), by the SpotHit
 *                     dispatcher's rule under {@code rcsMode} (decision 0206)
 * @param rcsMode      {@code MISSIVE_RCS_MODE} as the scheduler and the SpotHit dispatcher read it: off, short-as-basic, always
 */
public record ProgramPreview(String commandId, Instant askedAt, Instant plannedAt, List<String> notices, String provider, @Nullable String aircallNumberId,
                             String channel, int recipients, int sendable, int dropped,
                             Map<String, Reason> drops, Map<String, Reason> failures, long smsUnits,
                             Map<String, Integer> encodings, List<Sample> samples, String guard,
                             Map<String, Integer> channels, String rcsMode) {

    public static final String PASS = "PASS";
    public static final String HELD = "HELD_FOR_REVIEW";

    public static final int NAMES_PER_REASON = 20;
    public static final int SAMPLES = 3;

    /** The count behind one reason and the first names: {@code recipient} as asked for, {@code name} from the directory. */
    public record Reason(int count, List<Named> recipients) {
    }

    public record Named(String recipient, @Nullable String name) {
    }

    /**
     * One rendered message. {@code ucs2Character} is the first character that forced UCS-2 (null for GSM-7);
     * {@code missing} names the variables that had no value (the message would fail with MISSING_VARIABLE).
     */
    public record Sample(String messageId, String recipient, @Nullable String parentId, @Nullable String parentName,
                         @Nullable String childId, String body, int characters, int segments, String encoding,
                         @Nullable String ucs2Character, String channel, List<String> missing) {
    }

    /** Folds the resolution's pages into counts and capped lists, in command order. */
    static final class Builder {

        private final Template template;
        private final String linkBaseUrl;
        private final AcceptanceGuard.Screening screening;
        private final Function<String, Channel> spotHitChannel;
        private final int[] channels = new int[Channel.values().length];
        private boolean held;
        private final Map<DropReason, Tally> drops = new EnumMap<>(DropReason.class);
        private final Map<String, Tally> missing = new TreeMap<>();
        private final List<Rendered> samples = new ArrayList<>(SAMPLES);
        private final int[] encodings = new int[SegmentCount.Encoding.values().length];
        private int recipients;
        private int sendable;
        private int dropped;
        private int longest;
        private long smsUnits;

        /** @param spotHitChannel the channel SpotHit would carry a rendered body on, by the dispatcher's rule */
        Builder(Template template, String linkBaseUrl, AcceptanceGuard.Screening screening, Function<String, Channel> spotHitChannel) {
            this.spotHitChannel = spotHitChannel;
            this.template = template;
            this.linkBaseUrl = linkBaseUrl;
            this.screening = screening;
            screening.template(template);
            checkpoint();
        }

        void page(Page page) {
            for (var recipient : page.recipients()) {
                render(recipient);
            }
            checkpoint();
            drop(page.selectorDrops());
            drop(page.filterDrops());
            drop(page.optedOut());
        }

        /** Once held, the rest is not screened: the verdict cannot change, and the counts still can. */
        private void checkpoint() {
            if (held) {
                return;
            }
            try {
                screening.checkpoint();
            } catch (AcceptanceGuard.Tripped tripped) {
                held = true;
            }
        }

        private void drop(List<Dropped> drops) {
            for (var d : drops) {
                dropped++;
                this.drops.computeIfAbsent(d.reason(), r -> new Tally()).add(d.recipient());
            }
        }

        private void render(Recipient recipient) {
            recipients++;
            // Only the template's variables: what rendering reads and what the guard is given, in one map per message.
            var values = new HashMap<String, String>();
            for (var name : template.variables()) {
                // A real code for {URL}, so the preview's length is the sent message's length.
                var value = name.equals(Variable.URL.name()) ? linkBaseUrl + "/r/" + LinkCodes.mint() : recipient.values().get(name);
                if (value != null) {
                    values.put(name, value);
                }
            }
            var rendering = template.render(values);
            var body = rendering.body();
            var count = SegmentCount.of(body);
            if (rendering.complete()) {
                if (!held) {
                    screening.message(body, values);
                }
                sendable++;
                smsUnits += count.segments();
                encodings[count.encoding().ordinal()]++;
                channels[spotHitChannel.apply(body).ordinal()]++;
                longest = Math.max(longest, AircallBodyLength.of(body));
            } else {
                // Named as acceptance names the failure (MISSING_VARIABLE:<first missing>), so staff know what to fill in.
                missing.computeIfAbsent(ProgramService.MISSING_VARIABLE + ":" + rendering.firstMissing(), r -> new Tally())
                        .add(recipient.key());
            }
            if (samples.size() < SAMPLES) {
                samples.add(new Rendered(recipient, body, count, List.copyOf(rendering.missing())));
            }
        }

        int sendable() {
            return sendable;
        }

        int longest() {
            return longest;
        }

        ProgramPreview build(String commandId, Instant askedAt, Instant dueAt, List<String> notices,
                             ProviderPolicy.Decision decision, RcsMode rcsMode,
                             DirectoryLookup directory) {
            boolean aircall = decision.provider() == Provider.AIRCALL;
            var byChannel = new LinkedHashMap<String, Integer>();
            if (aircall) {
                byChannel.put(Channel.AIRCALL.name(), sendable);
            } else {
                for (var c : Channel.values()) {
                    if (channels[c.ordinal()] > 0) {
                        byChannel.put(c.name(), channels[c.ordinal()]);
                    }
                }
            }
            // The channel of most messages; with none sendable, the first sample's (or plain SMS).
            var channel = byChannel.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                    .orElseGet(() -> aircall ? Channel.AIRCALL.name()
                            : samples.isEmpty() ? Channel.SMS.name() : spotHitChannel.apply(samples.getFirst().body).name());
            var names = new Names(directory);
            drops.values().forEach(t -> t.named.forEach(names::want));
            missing.values().forEach(t -> t.named.forEach(names::want));
            samples.stream().filter(s -> s.recipient.parentId() != null).forEach(s -> names.want("parent." + s.recipient.parentId()));
            names.lookUp();
            var dropReasons = new LinkedHashMap<String, Reason>();
            drops.forEach((reason, tally) -> dropReasons.put(reason.name(), tally.reason(names)));
            var failureReasons = new LinkedHashMap<String, Reason>();
            missing.forEach((reason, tally) -> failureReasons.put(reason, tally.reason(names)));
            var byEncoding = new LinkedHashMap<String, Integer>();
            for (var e : SegmentCount.Encoding.values()) {
                byEncoding.put(e.name(), encodings[e.ordinal()]);
            }
            var rendered = samples.stream().map(s -> new Sample(MessageIds.messageId(commandId, s.recipient.key()),
                    s.recipient.key(), s.recipient.parentId(),
                    s.recipient.parentId() == null ? null : names.of("parent." + s.recipient.parentId()), s.recipient.childId(),
                    s.body, s.body.codePointCount(0, s.body.length()), s.count.segments(), s.count.encoding().name(),
                    SegmentCount.firstNonGsm7(s.body), aircall ? Channel.AIRCALL.name() : spotHitChannel.apply(s.body).name(),
                    s.missing)).toList();
            return new ProgramPreview(commandId, askedAt, dueAt, notices, decision.provider().name(), decision.aircallNumberId(), channel,
                    recipients, sendable, dropped, dropReasons, failureReasons, smsUnits, byEncoding, rendered, held ? HELD : PASS,
                    byChannel, rcsMode.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }

        private record Rendered(Recipient recipient, String body, SegmentCount count, List<String> missing) {
        }
    }

    /** A reason's count and its first names, as asked for. */
    private static final class Tally {
        private int count;
        private final List<String> named = new ArrayList<>();

        void add(String recipient) {
            count++;
            if (named.size() < NAMES_PER_REASON) {
                named.add(recipient);
            }
        }

        Reason reason(Names names) {
            return new Reason(count, named.stream().map(r -> new Named(r, names.of(r))).toList());
        }
    }

    /**
     * First names (of parents and children) and group names for the few recipients a preview lists,
     * read from the directory in one query per kind.
     */
    private static final class Names {
        private final DirectoryLookup directory;
        private final Set<String> parents = new HashSet<>();
        private final Set<String> children = new HashSet<>();
        private final Set<String> groups = new HashSet<>();
        private final Map<String, String> found = new LinkedHashMap<>();

        Names(DirectoryLookup directory) {
            this.directory = directory;
        }

        void want(String recipient) {
            // Selectors as asked for (parent.42) and recipient keys (parent:42) both name a parent.
            var normalized = recipient.replaceFirst("^(parent|child|group):", "$1.");
            if (normalized.startsWith("parent.")) {
                parents.add(normalized.substring(7));
            } else if (normalized.startsWith("child.")) {
                children.add(normalized.substring(6));
            } else if (normalized.startsWith("group.")) {
                groups.add(normalized.substring(6));
            }
        }

        void lookUp() {
            if (!parents.isEmpty()) {
                directory.parents(parents).forEach((id, p) -> put("parent." + id, p.firstName()));
            }
            if (!children.isEmpty()) {
                directory.children(children).forEach((id, c) -> put("child." + id, c.firstName()));
            }
            if (!groups.isEmpty()) {
                directory.groups(groups).forEach((id, g) -> put("group." + id, g.name()));
            }
        }

        private void put(String key, @Nullable String name) {
            if (name != null) {
                found.put(key, name);
            }
        }

        @Nullable String of(String recipient) {
            return found.get(recipient.replaceFirst("^(parent|child|group):", "$1."));
        }
    }
}
