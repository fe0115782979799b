package io.missive.tracker.audit.http;

import io.missive.schemas.problems.ApiProblem;
import io.missive.tracker.audit.AuditEntry;
import io.missive.tracker.audit.AuditLog;
import io.missive.tracker.audit.AuditQuery;
import io.missive.tracker.query.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reads the audit trail. There is no other method: an entry cannot be changed or removed through any API. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "Who did what, when and from where: every act that changes what is sent or who can act")
public class AuditController {

    private final AuditLog log;

    public AuditController(AuditLog log) {
        this.log = log;
    }

    @GetMapping
    @Operation(summary = "Audit entries, newest first",
            description = "Filters: actor (exact), kind (an act such as guard.allowed.add, or a family such as guard), "
                    + "from (inclusive) and until (exclusive) as ISO-8601 instants. Paged: page from 0, size 1 to 500.")
    public Page<AuditEntry> entries(@RequestParam(required = false) @Nullable String actor,
                                    @RequestParam(required = false) @Nullable String kind,
                                    @RequestParam(required = false) @Nullable String from,
                                    @RequestParam(required = false) @Nullable String until,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "50") int size) {
        try {
            return log.find(new AuditQuery(blankToNull(actor), blankToNull(kind), instant(from), instant(until), page, size));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw ApiProblem.of(HttpStatus.BAD_REQUEST, "bad-audit-query", e.getMessage()).titled("Bad audit query");
        }
    }

    private static @Nullable Instant instant(@Nullable String value) {
        return value == null || value.isBlank() ? null : Instant.parse(value);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
