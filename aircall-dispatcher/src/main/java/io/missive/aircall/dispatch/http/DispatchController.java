package io.missive.aircall.dispatch.http;

import io.missive.aircall.dispatch.DispatchLedger;
import io.missive.aircall.dispatch.DispatchState;
import io.missive.aircall.dispatch.LedgerEntry;
import io.missive.schemas.problems.ApiProblem;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** For operators: where a message stands in the Aircall dispatch ledger, and how many wait. */
@RestController
@RequestMapping("/api/v1/aircall/dispatches")
public class DispatchController {

    private final DispatchLedger ledger;

    public DispatchController(DispatchLedger ledger) {
        this.ledger = ledger;
    }

    /** A message's dispatch: state, attempts, next attempt, Aircall id, last error. */
    @GetMapping("/{messageId}")
    public ResponseEntity<?> dispatch(@PathVariable String messageId) {
        return ledger.find(messageId)
                .<ResponseEntity<?>>map(entry -> ResponseEntity.ok(DispatchView.of(entry)))
                .orElseThrow(() -> ApiProblem.of(HttpStatus.NOT_FOUND, "unknown-dispatch",
                        "the Aircall dispatcher has no message " + messageId).titled("Unknown dispatch"));
    }

    /** How many messages are in each state (PENDING includes those waiting for a retry). */
    @GetMapping("/counts")
    public Map<DispatchState, Long> counts() {
        return ledger.countByState();
    }

    /** A ledger row as operators read it; the phone number is not shown. */
    public record DispatchView(String messageId, String campaignId, DispatchState state, int attempts,
                               @Nullable Instant nextAttemptAt, @Nullable String aircallMessageId, @Nullable String reason) {
        static DispatchView of(LedgerEntry entry) {
            return new DispatchView(entry.message().messageId(), entry.message().campaignId(), entry.state(),
                    entry.attempts(), entry.state() == DispatchState.PENDING ? entry.nextAttemptAt() : null,
                    entry.aircallMessageId(), entry.reason());
        }
    }
}
