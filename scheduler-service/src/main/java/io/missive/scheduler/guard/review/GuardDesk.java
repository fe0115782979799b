package io.missive.scheduler.guard.review;

import io.missive.scheduler.guard.GuardScan;
import io.missive.scheduler.guard.ListEntry;
import io.missive.scheduler.guard.ListKind;
import io.missive.scheduler.guard.SendGuard;
import io.missive.scheduler.program.Origin;
import io.missive.scheduler.program.ProgramService;
import io.missive.scheduler.program.ProgramService.Receipt;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What an admin does with the guard: relaunch or dismiss an attempt, edit the lists. Every one of these acts goes
 * through {@link #audit}, the one place an audit event is made.
 */
public final class GuardDesk {

    /** Most values a relaunch adds to the allow-list. */
    public static final int MAX_ALLOWED_PER_RELAUNCH = 25;

    private final AttemptStore attempts;
    private final GuardListStore lists;
    private final GuardRules rules;
    private final ProgramService programs;
    private final GuardAudit audit;
    private final Clock clock;

    public GuardDesk(AttemptStore attempts, GuardListStore lists, GuardRules rules, ProgramService programs, GuardAudit audit,
                     Clock clock) {
        this.attempts = attempts;
        this.lists = lists;
        this.rules = rules;
        this.programs = programs;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a relaunch or a dismissal came to. */
    public sealed interface Decision {

        record NotFound() implements Decision {
        }

        /** The attempt cannot take this decision (dismissed, or only monitored and so already sent). */
        record Conflict(AttemptStatus status) implements Decision {
        }

        record Relaunched(GuardAttempt attempt, Receipt receipt, List<ListEntry> allowListed) implements Decision {
        }

        record Dismissed(GuardAttempt attempt) implements Decision {
        }
    }

    public Optional<GuardAttempt> attempt(long id) {
        return attempts.find(id);
    }

    public List<GuardAttempt> attempts(@Nullable AttemptStatus status, int offset, int limit) {
        return attempts.list(status, offset, limit);
    }

    public long count(@Nullable AttemptStatus status) {
        return attempts.count(status);
    }

    /**
     * Replays the command exactly as first sent, the guard passed for it alone; its shared values (never one only a
     * single recipient's message carried) join the allow-list, {@value #MAX_ALLOWED_PER_RELAUNCH} at most. Relaunching
     * again is harmless: the command id makes the second acceptance a replay, so the campaign is sent once.
     */
    public Decision relaunch(long id, @Nullable String actor) {
        var found = attempts.find(id);
        if (found.isEmpty()) {
            return new Decision.NotFound();
        }
        var attempt = found.get();
        if (attempt.status() != AttemptStatus.PENDING && attempt.status() != AttemptStatus.RELAUNCHED) {
            return new Decision.Conflict(attempt.status());
        }
        var receipt = programs.accept(attempt.command(), Origin.relaunch(actor));
        var allowListed = new ArrayList<ListEntry>();
        for (var finding : GuardScan.worthAllowing(attempt.findings(), MAX_ALLOWED_PER_RELAUNCH)) {
            var entry = switch (finding.check()) {
                case LINK -> ListEntry.url(finding.value());
                case PHONE -> ListEntry.phone(finding.value());
                case KEYWORD -> ListEntry.keyword(finding.value());
            };
            try {
                allowListed.add(lists.add(ListName.ALLOWED, canonical(entry), actor, clock.instant()).entry());
            } catch (IllegalArgumentException e) {
                // a value the lists cannot hold (not a phone number once parsed alone): the relaunch stands without it
            }
        }
        rules.changed();
        boolean first = attempts.decide(id, AttemptStatus.RELAUNCHED, actor, clock.instant());
        var details = new LinkedHashMap<String, String>();
        details.put("commandId", attempt.commandId());
        details.put("replay", String.valueOf(receipt.replay() || !first));
        details.put("allowListed", String.valueOf(allowListed.size()));
        audit(actor, "guard.relaunch", "attempt:" + id, details);
        return new Decision.Relaunched(attempts.find(id).orElseThrow(), receipt, allowListed);
    }

    public Decision dismiss(long id, @Nullable String actor) {
        var found = attempts.find(id);
        if (found.isEmpty()) {
            return new Decision.NotFound();
        }
        if (!attempts.decide(id, AttemptStatus.DISMISSED, actor, clock.instant())) {
            var now = attempts.find(id).orElseThrow();
            if (now.status() != AttemptStatus.DISMISSED) {
                return new Decision.Conflict(now.status());
            }
            return new Decision.Dismissed(now);
        }
        audit(actor, "guard.dismiss", "attempt:" + id, Map.of("commandId", found.get().commandId()));
        return new Decision.Dismissed(attempts.find(id).orElseThrow());
    }

    public List<GuardListStore.StoredEntry> entries(ListName list, @Nullable ListKind kind) {
        return lists.list(list, kind);
    }

    /** @throws IllegalArgumentException when the value is not one of its kind (not a URL, domain or phone number) */
    public GuardListStore.StoredEntry add(ListName list, ListEntry entry, @Nullable String actor) {
        var stored = lists.add(list, canonical(entry), actor, clock.instant());
        rules.changed();
        audit(actor, "guard." + list.label() + ".add", list.label() + ":" + stored.id(), Map.of("kind", entry.kind().label(),
                "match", entry.byDomain() ? "domain" : "exact", "value", stored.entry().value()));
        return stored;
    }

    public Optional<GuardListStore.StoredEntry> remove(ListName list, long id, @Nullable String actor) {
        var removed = lists.remove(list, id);
        removed.ifPresent(entry -> {
            rules.changed();
            audit(actor, "guard." + list.label() + ".remove", list.label() + ":" + id, Map.of("kind", entry.entry().kind().label(),
                    "value", entry.entry().value()));
        });
        return removed;
    }

    /** Entries are stored in the form the guard compares: a URL without scheme, a domain bare, a phone in E.164. */
    private static ListEntry canonical(ListEntry entry) {
        var value = entry.value().strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("an entry needs a value");
        }
        return switch (entry.kind()) {
            case URL -> {
                var form = entry.byDomain() ? SendGuard.domainForm(value) : SendGuard.exactForm(value);
                if (form.isEmpty() || !form.contains(".") && !form.startsWith("localhost") || form.contains(" ")) {
                    throw new IllegalArgumentException("not a URL or domain: " + value);
                }
                yield new ListEntry(ListKind.URL, form, entry.byDomain());
            }
            case PHONE -> {
                var phone = SendGuard.phoneForm(value);
                if (phone == null) {
                    throw new IllegalArgumentException("not a phone number");
                }
                yield ListEntry.phone(phone);
            }
            case KEYWORD -> ListEntry.keyword(value);
        };
    }

    /** The one place the guard's audited acts are recorded (list changes, relaunches, dismissals). */
    private void audit(@Nullable String actor, String act, String target, Map<String, String> details) {
        audit.recorded(new GuardAudit.Act(actor, act, target, Map.copyOf(details), clock.instant()));
    }
}
