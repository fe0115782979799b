package io.missive.spothit.dispatch;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Outside production, only listed numbers may receive a message ({@code SPOT_HIT_SAFEGUARD},
 * {@code SAFE_PHONE_NUMBERS}); the others are FAILED with reason {@code SAFEGUARD}.
 */
public record Safeguard(boolean enabled, Set<String> safePhones) {

    public static final String REASON = "SAFEGUARD";

    public static Safeguard of(boolean enabled, Collection<String> safePhones) {
        return new Safeguard(enabled, safePhones.stream().map(String::trim).filter(p -> !p.isEmpty())
                .collect(Collectors.toUnmodifiableSet()));
    }

    public boolean allows(String phone) {
        return !enabled || safePhones.contains(phone);
    }
}
