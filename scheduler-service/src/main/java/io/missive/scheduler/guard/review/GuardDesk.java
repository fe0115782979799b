package io.missive.scheduler.guard.review;

import io.missive.schemas.audit.AuditAct;
import io.missive.schemas.audit.AuditTrail;
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
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What an admin does with the guard: relaunch or dismiss an attempt, edit the lists. Every one of these acts goes
 * through {@link #audit}, the one place an audit entry is made, before the act.
 */
public final class GuardDesk {

    /** Most values a relaunch adds to the allow-list. */
    public static final int MAX_ALLOWED_PER_RELAUNCH = 25;

    private final AttemptStore attempts;
    private final GuardListStore lists;
    private final GuardRules rules;
    private final ProgramService programs;
    private final AuditTrail audit;
    private final Clock clock;

    public GuardDesk(AttemptStore attempts, GuardListStore lists, GuardRules rules, ProgramService programs, AuditTrail audit,
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
     * again is harmless: the command id makes the second acceptance a replay, so the campaign is sent once. The audit
     * entry, with the values allowed, is recorded before anything is done (decision 0021).
     */
    public Decision relaunch(long id, AuditAct.Caller admin) {
        var found = attempts.find(id);
        if (found.isEmpty()) {
            return new Decision.NotFound();
        }
        var attempt = found.get();
        if (attempt.status() != AttemptStatus.PENDING && attempt.status() != AttemptStatus.RELAUNCHED) {
            return new Decision.Conflict(attempt.status());
        }
        var toAllow = new ArrayList<ListEntry>();
        for (var finding : GuardScan.worthAllowing(attempt.findings(), MAX_ALLOWED_PER_RELAUNCH)) {
            var entry = switch (finding.check()) {
                case LINK -> ListEntry.url(finding.value());
                case PHONE -> ListEntry.phone(finding.value());
                case KEYWORD -> ListEntry.keyword(finding.value());
            };
            try {
                toAllow.add(canonical(entry));
            } catch (IllegalArgumentException e) {
                // a value the lists cannot hold (not a phone number once parsed alone): the relaunch stands without it
            }
        }
        var details = new LinkedHashMap<String, String>();
        details.put("commandId", attempt.commandId());
        details.put("firstDecision", String.valueOf(attempt.status() == AttemptStatus.PENDING));
        details.put("allowListed", toAllow.stream().map(e -> e.kind().label() + ":" + e.value()).collect(Collectors.joining(" ")));
        audit(admin, "guard.relaunch", "attempt:" + id, details);
        var receipt = programs.accept(attempt.command(), Origin.relaunch(admin));
        var allowListed = new ArrayList<ListEntry>();
        for (var entry : toAllow) {
            allowListed.add(lists.add(ListName.ALLOWED, entry, admin.actor(), clock.instant()).entry());
        }
        rules.changed();
        attempts.decide(id, AttemptStatus.RELAUNCHED, admin.actor(), clock.instant());
        return new Decision.Relaunched(attempts.find(id).orElseThrow(), receipt, allowListed);
    }

    public Decision dismiss(long id, AuditAct.Caller admin) {
        var found = attempts.find(id);
        if (found.isEmpty()) {
            return new Decision.NotFound();
        }
        var attempt = found.get();
        if (attempt.status() == AttemptStatus.DISMISSED) {
            return new Decision.Dismissed(attempt);
        }
        if (attempt.status() != AttemptStatus.PENDING) {
            return new Decision.Conflict(attempt.status());
        }
        audit(admin, "guard.dismiss", "attempt:" + id, Map.of("commandId", attempt.commandId()));
        if (!attempts.decide(id, AttemptStatus.DISMISSED, admin.actor(), clock.instant())) {
            var now = attempts.find(id).orElseThrow();
            if (now.status() != AttemptStatus.DISMISSED) {
                return new Decision.Conflict(now.status());
            }
        }
        return new Decision.Dismissed(attempts.find(id).orElseThrow());
    }

    public List<GuardListStore.StoredEntry> entries(ListName list, @Nullable ListKind kind) {
        return lists.list(list, kind);
    }

    /** @throws IllegalArgumentException when the value is not one of its kind (not a URL, domain or phone number) */
    public GuardListStore.StoredEntry add(ListName list, ListEntry entry, AuditAct.Caller admin) {
        var canonical = canonical(entry);
        audit(admin, "guard." + list.label() + ".add", list.label() + ":" + canonical.kind().label() + ":" + canonical.value(),
                Map.of("kind", canonical.kind().label(), "match", canonical.byDomain() ? "domain" : "exact", "value", canonical.value()));
        var stored = lists.add(list, canonical, admin.actor(), clock.instant());
        rules.changed();
        return stored;
    }

    public Optional<GuardListStore.StoredEntry> remove(ListName list, long id, AuditAct.Caller admin) {
        var present = lists.list(list, null).stream().filter(entry -> entry.id() == id).findFirst();
        if (present.isEmpty()) {
            return Optional.empty();
        }
        var entry = present.get().entry();
        audit(admin, "guard." + list.label() + ".remove", list.label() + ":" + entry.kind().label() + ":" + entry.value(),
                Map.of("id", String.valueOf(id), "kind", entry.kind().label(), "value", entry.value()));
        var removed = lists.remove(list, id);
        removed.ifPresent(ignored -> rules.changed());
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

    /**
     * The one place the guard's audited acts are recorded (list changes, relaunches, dismissals), before the act: if the
     * trail does not take the entry, the act is not done.
     */
    private void audit(AuditAct.Caller admin, String act, String target, Map<String, String> details) {
        audit.record(AuditAct.of(admin, act, target, details));
    }
}
