package io.missive.scheduler.guard.http;

import io.missive.scheduler.guard.ListEntry;
import io.missive.scheduler.guard.ListKind;
import io.missive.scheduler.guard.review.GuardAttempt;
import io.missive.scheduler.guard.review.GuardListStore.StoredEntry;
import io.missive.scheduler.program.ProgramCommand;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The JSON of the guard's API. */
public final class GuardApi {

    private GuardApi() {
    }

    @Schema(description = "What the guard found in one command; status pending | relaunched | dismissed | not_blocked")
    public record AttemptJson(long id, String commandId, String channel, String status, List<String> checks, List<String> blocking,
                              List<FindingJson> findings, int moreValues, @Nullable String author, Instant createdAt,
                              @Nullable String decidedBy, @Nullable Instant decidedAt,
                              @Schema(description = "The command as first sent (only on a single attempt)") @Nullable ProgramCommand command) {

        static AttemptJson of(GuardAttempt a, boolean withCommand) {
            return new AttemptJson(a.id(), a.commandId(), a.channel().name().toLowerCase(Locale.ROOT), a.status().label(),
                    a.checks().stream().map(c -> c.label()).sorted().toList(), a.blocking().stream().map(c -> c.label()).sorted().toList(),
                    a.findings().stream().map(t -> new FindingJson(t.finding().check().label(), t.finding().value(),
                            t.mode().name().toLowerCase(Locale.ROOT), t.messages(), t.inTemplate())).toList(),
                    a.overflow(), a.author(), a.createdAt(), a.decidedBy(), a.decidedAt(), withCommand ? a.command() : null);
        }
    }

    @Schema(description = "A value found: its check, the mode the check was in, in how many messages, and whether the template has it")
    public record FindingJson(String check, String value, String mode, int messages, boolean inTemplate) {
    }

    public record AttemptPage(List<AttemptJson> attempts, int page, int size, long total) {
    }

    public record RelaunchReply(AttemptJson attempt, String commandId, boolean replay, List<EntryRequest> allowListed) {
    }

    @Schema(description = "An allow- or block-list entry: kind url (match exact or domain), phone or keyword")
    public record EntryRequest(@NotNull @Schema(example = "url") String kind, @NotBlank String value,
                               @Schema(description = "for url: exact (default) or domain") @Nullable String match) {

        static EntryRequest of(ListEntry entry) {
            return new EntryRequest(entry.kind().label(), entry.value(),
                    entry.kind() == ListKind.URL ? (entry.byDomain() ? "domain" : "exact") : null);
        }

        ListEntry toEntry() {
            var listKind = kindOf(kind);
            boolean byDomain = "domain".equalsIgnoreCase(match);
            if (match != null && !byDomain && !"exact".equalsIgnoreCase(match)) {
                throw new IllegalArgumentException("match is exact or domain, not " + match);
            }
            if (byDomain && listKind != ListKind.URL) {
                throw new IllegalArgumentException("only a url entry can match by domain");
            }
            return new ListEntry(listKind, value, byDomain);
        }
    }

    static ListKind kindOf(String kind) {
        try {
            return ListKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kind is url, phone or keyword, not " + kind);
        }
    }

    public record EntryJson(long id, String list, String kind, String value, @Nullable String match, @Nullable String createdBy,
                            Instant createdAt) {

        static EntryJson of(StoredEntry e) {
            var request = EntryRequest.of(e.entry());
            return new EntryJson(e.id(), e.list().label(), request.kind(), request.value(), request.match(), e.createdBy(), e.createdAt());
        }
    }
}
