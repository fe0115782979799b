package io.missive.scheduler.guard.http;

import io.missive.schemas.audit.HttpCaller;
import io.missive.schemas.problems.ApiProblem;
import io.missive.scheduler.guard.ListKind;
import io.missive.scheduler.guard.http.GuardApi.AttemptJson;
import io.missive.scheduler.guard.http.GuardApi.AttemptPage;
import io.missive.scheduler.guard.http.GuardApi.EntryJson;
import io.missive.scheduler.guard.http.GuardApi.EntryRequest;
import io.missive.scheduler.guard.http.GuardApi.RelaunchReply;
import io.missive.scheduler.guard.review.AttemptStatus;
import io.missive.scheduler.guard.review.GuardDesk;
import io.missive.scheduler.guard.review.GuardDesk.Decision;
import io.missive.scheduler.guard.review.ListName;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The send guard for admins: attempts to review, relaunch or dismiss, and the allow- and block-lists. */
@RestController
@RequestMapping("/api/v1/guard")
public class GuardController {

    private static final int MAX_PAGE = 200;

    private final GuardDesk desk;

    public GuardController(GuardDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/attempts")
    @Operation(summary = "Attempts the guard recorded, newest first",
            description = "status: pending | relaunched | dismissed | not_blocked (all when absent). Paged by page and size.")
    public AttemptPage attempts(@RequestParam(required = false) @Nullable String status, @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "50") int size) {
        var filter = status == null || status.isBlank() ? null : statusOf(status);
        int limit = Math.clamp(size, 1, MAX_PAGE);
        int from = Math.max(0, page);
        var attempts = desk.attempts(filter, from * limit, limit).stream().map(a -> AttemptJson.of(a, false)).toList();
        return new AttemptPage(attempts, from, limit, desk.count(filter));
    }

    @GetMapping("/attempts/{id}")
    @Operation(summary = "One attempt, with the command as first sent")
    public ResponseEntity<?> attempt(@PathVariable long id) {
        return desk.attempt(id).<ResponseEntity<?>>map(a -> ResponseEntity.ok(AttemptJson.of(a, true))).orElseThrow(() -> unknown(id));
    }

    @PostMapping("/attempts/{id}/relaunch")
    @Operation(summary = "Send a held command as first sent, the guard passed for it alone",
            description = "Its values found in the template or in more than one message join the allow-list (25 at most). "
                    + "Relaunching again sends nothing more: the commandId makes it a replay. 409 for a dismissed or monitored attempt.")
    public ResponseEntity<?> relaunch(@PathVariable long id, HttpServletRequest http) {
        return decided(id, desk.relaunch(id, HttpCaller.of(http)));
    }

    @PostMapping("/attempts/{id}/dismiss")
    @Operation(summary = "Leave a held command unsent for good", description = "409 for a relaunched or monitored attempt.")
    public ResponseEntity<?> dismiss(@PathVariable long id, HttpServletRequest http) {
        return decided(id, desk.dismiss(id, HttpCaller.of(http)));
    }

    private ResponseEntity<?> decided(long id, Decision decision) {
        return switch (decision) {
            case Decision.NotFound ignored -> throw unknown(id);
            case Decision.Conflict c -> throw ApiProblem.of(HttpStatus.CONFLICT, "attempt-decided",
                    "attempt " + id + " is " + c.status().label() + "; only a pending attempt can be relaunched or dismissed")
                    .titled("Attempt already decided");
            case Decision.Relaunched r -> ResponseEntity.ok(new RelaunchReply(AttemptJson.of(r.attempt(), false),
                    r.receipt().view().campaign().commandId(), r.receipt().replay(),
                    r.allowListed().stream().map(EntryRequest::of).toList()));
            case Decision.Dismissed d -> ResponseEntity.ok(AttemptJson.of(d.attempt(), false));
        };
    }

    @GetMapping("/allowed")
    @Operation(summary = "The allow-list", description = "kind: url, phone or keyword (all when absent)")
    public List<EntryJson> allowed(@RequestParam(required = false) @Nullable String kind) {
        return entries(ListName.ALLOWED, kind);
    }

    @GetMapping("/blocked")
    @Operation(summary = "The block-list", description = "kind: url, phone or keyword (all when absent)")
    public List<EntryJson> blocked(@RequestParam(required = false) @Nullable String kind) {
        return entries(ListName.BLOCKED, kind);
    }

    @PostMapping("/allowed")
    @Operation(summary = "Allow a URL (exact or by domain), a phone number or a keyword", description = "Idempotent; audited.")
    public ResponseEntity<EntryJson> allow(@Valid @RequestBody EntryRequest request, HttpServletRequest http) {
        return added(ListName.ALLOWED, request, http);
    }

    @PostMapping("/blocked")
    @Operation(summary = "Block a keyword, or a URL or phone number even where it is allowed", description = "Idempotent; audited.")
    public ResponseEntity<EntryJson> block(@Valid @RequestBody EntryRequest request, HttpServletRequest http) {
        return added(ListName.BLOCKED, request, http);
    }

    @DeleteMapping("/allowed/{id}")
    @Operation(summary = "Remove an allow-list entry", description = "Audited.")
    public ResponseEntity<?> disallow(@PathVariable long id, HttpServletRequest http) {
        return removed(ListName.ALLOWED, id, http);
    }

    @DeleteMapping("/blocked/{id}")
    @Operation(summary = "Remove a block-list entry", description = "Audited.")
    public ResponseEntity<?> unblock(@PathVariable long id, HttpServletRequest http) {
        return removed(ListName.BLOCKED, id, http);
    }

    private List<EntryJson> entries(ListName list, @Nullable String kind) {
        ListKind filter = kind == null || kind.isBlank() ? null : GuardApi.kindOf(kind);
        return desk.entries(list, filter).stream().map(EntryJson::of).toList();
    }

    private ResponseEntity<EntryJson> added(ListName list, EntryRequest request, HttpServletRequest http) {
        var stored = desk.add(list, request.toEntry(), HttpCaller.of(http));
        return ResponseEntity.created(URI.create("/api/v1/guard/" + list.label() + "/" + stored.id())).body(EntryJson.of(stored));
    }

    private ResponseEntity<?> removed(ListName list, long id, HttpServletRequest http) {
        return desk.remove(list, id, HttpCaller.of(http)).<ResponseEntity<?>>map(e -> ResponseEntity.noContent().build())
                .orElseThrow(() -> ApiProblem.of(HttpStatus.NOT_FOUND, "unknown-guard-entry", "no " + list.label() + " entry " + id)
                        .titled("Unknown entry"));
    }

    private static AttemptStatus statusOf(String status) {
        try {
            return AttemptStatus.of(status.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status is pending, relaunched, dismissed or not_blocked, not " + status);
        }
    }

    /** A bad kind, match, status or value is the caller's: 400 with the reason. */
    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        var problem = ApiProblem.problem(HttpStatus.BAD_REQUEST, "bad-guard-request", e.getMessage());
        problem.setTitle("Bad guard request");
        return problem;
    }

    private static ApiProblem unknown(long id) {
        return ApiProblem.of(HttpStatus.NOT_FOUND, "unknown-guard-attempt", "no guard attempt " + id).titled("Unknown attempt");
    }
}
