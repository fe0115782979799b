package io.missive.gateway.optouts.http;

import io.missive.gateway.optouts.OptIns;
import io.missive.gateway.publishing.EventSink;
import io.missive.schemas.audit.AuditAct;
import io.missive.schemas.audit.AuditTrail;
import io.missive.schemas.audit.HttpCaller;
import io.missive.schemas.logging.Masking;
import io.missive.schemas.phones.PhoneNumber;
import io.missive.schemas.phones.PhoneNumbers;
import io.missive.schemas.optouts.OptOuts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Opting a phone back in on a person's say-so: {@code author} and {@code reason} are required and recorded with the
 * opt-in ({@code OptOut} with {@code active=false}), which the dispatchers and the scheduler follow and the tracker
 * keeps in the phone's history. A 200 means the broker acknowledged it.
 */
@RestController
@Tag(name = "Opt-outs")
class OptOutRevokeController {

    static final int MAX_TEXT = 500;
    private static final Logger log = LoggerFactory.getLogger(OptOutRevokeController.class);

    private final OptOuts optOuts;
    private final EventSink sink;
    private final Clock clock;
    private final AuditTrail audit;

    OptOutRevokeController(OptOuts optOuts, EventSink sink, Clock clock, AuditTrail audit) {
        this.optOuts = optOuts;
        this.sink = sink;
        this.clock = clock;
        this.audit = audit;
    }

    record RevokeRequest(@Nullable String author, @Nullable String reason) {
    }

    record RevokeReply(String phone, boolean optedOut, boolean alreadyOptedIn) {
    }

    @PostMapping("/api/v1/optouts/{phone}/revoke")
    @Operation(summary = "Opt a phone back in, with who decided it and why",
            description = "422 when the phone is not a phone number (with the reason), 400 without author or reason, "
                    + "404 for a phone that never opted out; 200 with alreadyOptedIn when it had opted back in already.")
    ResponseEntity<?> revoke(@PathVariable String phone, @RequestBody(required = false) @Nullable RevokeRequest body,
                             HttpServletRequest http) {
        var parsed = PhoneNumbers.parse(phone);
        if (parsed instanceof PhoneNumber.Rejected rejected) {
            // The phone library's own reason, which never repeats the number.
            return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Invalid phone number", "phone", rejected.message());
        }
        var e164 = java.util.Optional.of(((PhoneNumber.Valid) parsed).e164());
        var author = body == null ? null : body.author();
        var reason = body == null ? null : body.reason();
        for (var field : List.of(new Field("author", author), new Field("reason", reason))) {
            if (field.value() == null || field.value().isBlank()) {
                return problem(HttpStatus.BAD_REQUEST, "Invalid opt-in", field.name(), "required: who opts the phone back in, and why");
            }
            if (field.value().length() > MAX_TEXT) {
                return problem(HttpStatus.BAD_REQUEST, "Invalid opt-in", field.name(), "at most " + MAX_TEXT + " characters");
            }
        }
        var state = optOuts.state(e164.get());
        if (state.isEmpty()) {
            return problem(HttpStatus.NOT_FOUND, "Never opted out", "phone", "this phone never opted out, so there is nothing to revoke");
        }
        if (!state.get().active()) {
            return ResponseEntity.ok(new RevokeReply(e164.get(), false, true));
        }
        var now = clock.instant();
        var event = OptIns.optIn(e164.get(), state.get().provider(), author.strip(), reason.strip(), Long.toString(now.toEpochMilli()), now);
        // Recorded before the opt-in is published (decision 0021): the caller is the token's subject; the author named
        // in the body is who the caller says decided it.
        audit.record(AuditAct.of(HttpCaller.of(http), "optin", "phone:" + e164.get(),
                Map.of("author", author.strip(), "reason", reason.strip(), "optInId", event.eventId())));
        sink.publishAll(List.of(event));
        log.info("event=optout_revoked phone={} eventId={}", Masking.phone(e164.get()), event.eventId());
        return ResponseEntity.ok(new RevokeReply(e164.get(), false, false));
    }

    private record Field(String name, @Nullable String value) {
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String field, String rule) {
        var problem = ProblemDetail.forStatusAndDetail(status, field + ": " + rule);
        problem.setTitle(title);
        problem.setType(URI.create("https://missive.example/problems/" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-')));
        problem.setProperty("field", field);
        problem.setProperty("rule", rule);
        return ResponseEntity.status(status).body(problem);
    }
}
