package io.missive.aircall.dispatch;

import io.missive.schemas.text.AircallBodyLength;
import io.missive.schemas.phones.PhoneNumbers;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a requested message may go to Aircall at all. Refusals become FAILED with a reason, never
 * a silent drop: Aircall messaging off ({@code AIRCALL_DISABLED}), the safeguard
 * ({@code SAFEGUARD}), no Aircall number ({@code NO_AIRCALL_NUMBER}), too long for Aircall
 * ({@code BODY_TOO_LONG}). The safeguard compares numbers in E.164 ({@link PhoneNumbers}): an entry of
 * {@code SAFE_PHONE_NUMBERS} may be written {@code 06 12 34 56 78}; one that is not a phone number is kept
 * as written and matches only itself.
 */
public record Admission(boolean enabled, boolean safeguard, Set<String> safePhoneNumbers) {

    public static final int MAX_BODY_LENGTH = AircallBodyLength.MAX;

    public Admission {
        safePhoneNumbers = safePhoneNumbers.stream().map(String::strip).filter(phone -> !phone.isEmpty())
                .map(Admission::e164OrAsWritten).collect(Collectors.toUnmodifiableSet());
    }

    /** Empty when the message may be sent, otherwise the reason it fails. */
    public Optional<String> refusal(OutboundMessage message) {
        if (!enabled) {
            return Optional.of("AIRCALL_DISABLED");
        }
        if (safeguard && !safePhoneNumbers.contains(e164OrAsWritten(message.phone()))) {
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

    private static String e164OrAsWritten(String phone) {
        return PhoneNumbers.toE164(phone).orElse(phone);
    }
}
