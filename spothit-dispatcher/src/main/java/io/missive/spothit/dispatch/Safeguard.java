package io.missive.spothit.dispatch;

import io.missive.schemas.phones.PhoneNumbers;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Outside production, only listed numbers may receive a message ({@code SPOT_HIT_SAFEGUARD},
 * {@code SAFE_PHONE_NUMBERS}); the others are FAILED with reason {@code SAFEGUARD}. Numbers are compared
 * in E.164 ({@link PhoneNumbers}), so {@code 06 12 34 56 78} in the list lets {@code +33612345678} through;
 * an entry that is not a phone number is kept as written and matches only itself.
 */
public record Safeguard(boolean enabled, Set<String> safePhones) {

    public static final String REASON = "SAFEGUARD";

    public static Safeguard of(boolean enabled, Collection<String> safePhones) {
        return new Safeguard(enabled, safePhones.stream().map(String::trim).filter(p -> !p.isEmpty())
                .map(Safeguard::e164OrAsWritten).collect(Collectors.toUnmodifiableSet()));
    }

    public boolean allows(String phone) {
        return !enabled || safePhones.contains(e164OrAsWritten(phone));
    }

    private static String e164OrAsWritten(String phone) {
        return PhoneNumbers.toE164(phone).orElse(phone);
    }
}
