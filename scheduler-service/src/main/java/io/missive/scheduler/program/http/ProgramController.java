package io.missive.scheduler.program.http;

import io.missive.scheduler.program.CampaignStore.CancelOutcome;
import io.missive.scheduler.program.Origin;
import io.missive.scheduler.program.ProgramPreview;
import io.missive.scheduler.program.ProgramService;
import io.missive.scheduler.program.http.ProgramApi.CancelReply;
import io.missive.scheduler.program.http.ProgramApi.ProgramReply;
import io.missive.scheduler.program.http.ProgramApi.ProgramRequest;
import io.missive.schemas.audit.HttpCaller;
import io.missive.scheduler.rendering.VariableRules;
import io.missive.schemas.problems.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/programs")
public class ProgramController {

    /** The most failed or dropped recipients one reply lists when a limit is asked. */
    private static final int MAX_LISTED = 10_000;

    private final ProgramService programs;

    public ProgramController(ProgramService programs) {
        this.programs = programs;
    }

    @PostMapping
    @Operation(summary = "Program a message",
            description = "Resolves, renders and stores the campaign before replying. 202 when new; 200 with replay=true "
                    + "when the commandId was already accepted (nothing new is created). 422 for a command that cannot be accepted, "
                    + "or that the send guard held for review (one generic sentence, whatever it found).")
    public ResponseEntity<ProgramReply> program(@Valid @RequestBody ProgramRequest request, HttpServletRequest http) {
        checkGivenVariables(request);
        var receipt = programs.accept(request.toDomain(), Origin.rest(HttpCaller.of(http)));
        var reply = ProgramReply.of(receipt.view(), receipt.replay());
        var status = receipt.replay() ? HttpStatus.OK : HttpStatus.ACCEPTED;
        return ResponseEntity.status(status).location(URI.create("/api/v1/programs/" + reply.commandId())).body(reply);
    }

    @PostMapping("/preview")
    @Operation(summary = "Preview a program command (dry run)",
            description = "The same validation, resolution, rendering and provider rule as POST /api/v1/programs, with nothing "
                    + "stored and nothing published: recipients, drops by reason with the first names behind each, three rendered "
                    + "samples with their segments, encoding and the character that forced UCS-2, the channel, the SMS units, and "
                    + "the send guard's verdict (PASS or HELD_FOR_REVIEW; nothing is recorded). "
                    + "422 for a command that would be rejected. The sample message ids are those the same commandId would get.")
    public ProgramPreview preview(@Valid @RequestBody ProgramRequest request, HttpServletRequest http) {
        return programs.preview(request.toDomain(), Origin.rest(HttpCaller.of(http)));
    }

    @GetMapping("/{commandId}")
    @Operation(summary = "A campaign's state, accepted count, failed and dropped recipients",
            description = "Every failed and dropped recipient, or the first `limit` of each (1 to 10,000) with the counts "
                    + "of all by reason: what a page shows of a campaign of a million recipients.")
    public ResponseEntity<?> get(@PathVariable String commandId, @RequestParam(required = false) @Nullable Integer limit) {
        if (limit != null && (limit < 1 || limit > MAX_LISTED)) {
            throw ApiProblem.of(HttpStatus.BAD_REQUEST, "bad-limit", "limit must be 1 to " + MAX_LISTED + ", was " + limit)
                    .titled("Bad limit");
        }
        return programs.find(commandId, limit == null ? Integer.MAX_VALUE : limit)
                .<ResponseEntity<?>>map(view -> ResponseEntity.ok(ProgramReply.of(view, false)))
                .orElseThrow(() -> notFound(commandId));
    }

    @DeleteMapping("/{commandId}")
    @Operation(summary = "Cancel what is not yet published",
            description = "Unpublished messages become FAILED with reason CANCELLED. 409 when everything was already published.")
    public ResponseEntity<?> cancel(@PathVariable String commandId, @RequestParam(required = false) @Nullable String reason,
                                    HttpServletRequest http) {
        return switch (programs.cancel(commandId, reason == null ? "cancelled through the API" : reason,
                Origin.rest(HttpCaller.of(http)))) {
            case CancelOutcome.NotFound ignored -> throw notFound(commandId);
            case CancelOutcome.AlreadyPublished ignored -> throw ApiProblem.of(HttpStatus.CONFLICT, "already-published",
                    "program " + commandId + " was already published entirely; nothing left to cancel")
                    .titled("Already published");
            case CancelOutcome.Cancelled c -> ResponseEntity.ok(new CancelReply(commandId, "CANCELLED", c.cancelled(), c.alreadyCancelled()));
        };
    }

    /** A raw phone's variables follow the directory's rules on names, count and length: 400 naming the field and the rule. */
    private static void checkGivenVariables(ProgramRequest request) {
        var recipients = request.recipients();
        for (int i = 0; recipients != null && i < recipients.size(); i++) {
            var recipient = recipients.get(i);
            if (recipient == null || recipient.variables() == null) {
                continue;
            }
            var violations = VariableRules.checkGiven("recipients[" + i + "].variables", recipient.variables());
            if (!violations.isEmpty()) {
                throw ApiProblem.of(HttpStatus.BAD_REQUEST, "invalid-variables", violations.getFirst().toString())
                        .titled("Invalid variables")
                        .with("field", violations.getFirst().field())
                        .with("rule", violations.getFirst().rule())
                        .with("violations", violations.stream().map(VariableRules.Violation::toString).toList());
            }
        }
    }

    private static ApiProblem notFound(String commandId) {
        return ApiProblem.of(HttpStatus.NOT_FOUND, "unknown-program", "no program with commandId " + commandId)
                .titled("Unknown program");
    }
}
