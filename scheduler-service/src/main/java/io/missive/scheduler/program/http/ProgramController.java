package io.missive.scheduler.program.http;

import io.missive.scheduler.program.CampaignStore.CancelOutcome;
import io.missive.scheduler.program.Origin;
import io.missive.scheduler.program.ProgramService;
import io.missive.scheduler.program.http.ProgramApi.CancelReply;
import io.missive.scheduler.program.http.ProgramApi.ProgramReply;
import io.missive.scheduler.program.http.ProgramApi.ProgramRequest;
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
        var receipt = programs.accept(request.toDomain(), Origin.rest(RequestActor.of(http)));
        var reply = ProgramReply.of(receipt.view(), receipt.replay());
        var status = receipt.replay() ? HttpStatus.OK : HttpStatus.ACCEPTED;
        return ResponseEntity.status(status).location(URI.create("/api/v1/programs/" + reply.commandId())).body(reply);
    }

    @GetMapping("/{commandId}")
    @Operation(summary = "A campaign's state, accepted count, failed and dropped recipients")
    public ResponseEntity<?> get(@PathVariable String commandId) {
        return programs.find(commandId)
                .<ResponseEntity<?>>map(view -> ResponseEntity.ok(ProgramReply.of(view, false)))
                .orElseThrow(() -> notFound(commandId));
    }

    @DeleteMapping("/{commandId}")
    @Operation(summary = "Cancel what is not yet published",
            description = "Unpublished messages become FAILED with reason CANCELLED. 409 when everything was already published.")
    public ResponseEntity<?> cancel(@PathVariable String commandId, @RequestParam(required = false) @Nullable String reason) {
        return switch (programs.cancel(commandId, reason == null ? "cancelled through the API" : reason)) {
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
