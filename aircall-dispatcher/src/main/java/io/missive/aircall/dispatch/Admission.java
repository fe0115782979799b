package io.missive.aircall.dispatch;

import io.missive.schemas.text.AircallBodyLength;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a requested message may go to Aircall at all. Refusals become FAILED with a reason, never
 * a silent drop: Aircall messaging off ({@code AIRCALL_DISABLED}), the safeguard
 * ({@code SAFEGUARD}), no Aircall number ({@code NO_AIRCALL_NUMBER}), too long for Aircall
 * ({@code BODY_TOO_LONG}).
 */
public record Admission(boolean enabled, boolean safeguard, Set<String> safePhoneNumbers) {

    public static final int MAX_BODY_LENGTH = AircallBodyLength.MAX;

    public Admission {
        safePhoneNumbers = Set.copyOf(safePhoneNumbers);
    }

    /** Empty when the message may be sent, otherwise the reason it fails. */
    public Optional<String> refusal(OutboundMessage message) {
        if (!enabled) {
            return Optional.of("AIRCALL_DISABLED");
        }
        if (safeguard && !safePhoneNumbers.contains(message.phone())) {
            return Optional.of("SAFEGUARD");
        }
        if (message.numberId() == null || message.numberId().isBlank()) {
            return Optional.of("NO_AIRCALL_NUMBER");
        }
        if (!AircallBodyLength.fits(message.body())) {
            return Optional.of("BODY_TOO_LONG");
        }
        return Optional.empty();
    }
}
