package io.missive.schemas.optouts;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * The phones that opted out (STOP) and did not opt back in, as of now. Dispatchers ask just before the provider
 * call, so a STOP that lands after a campaign was accepted is still honoured ({@code FAILED OPTED_OUT}).
 */
public interface OptOuts {

    String REASON = "OPTED_OUT";

    /** Those of the given E.164 phones that are opted out. */
    Set<String> optedOutAmong(Collection<String> phones);

    default boolean optedOut(String phone) {
        return !optedOutAmong(Set.of(phone)).isEmpty();
    }

    /** The phone's last known state; empty for a phone that never opted out. */
    Optional<OptOutState> state(String phone);

    /** Nobody is opted out: for tests of other rules. */
    static OptOuts none() {
        return new OptOuts() {
            @Override
            public Set<String> optedOutAmong(Collection<String> phones) {
                return Set.of();
            }

            @Override
            public Optional<OptOutState> state(String phone) {
                return Optional.empty();
            }
        };
    }
}
