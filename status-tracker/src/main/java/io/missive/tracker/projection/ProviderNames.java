package io.missive.tracker.projection;

import io.missive.events.Provider;
import io.missive.events.Status;
import org.jspecify.annotations.Nullable;

/** The programme's application's spellings: {@code message_provider} and {@code AircallMessage.status}. */
public final class ProviderNames {

    private ProviderNames() {
    }

    public static String messageProvider(Provider provider) {
        return switch (provider) {
            case SPOTHIT -> "spot_hit";
            case AIRCALL -> "aircall";
        };
    }

    /** The AircallMessage status a message status shows as, or null when it says nothing about it yet. */
    public static @Nullable String aircallStatus(Status status) {
        return switch (status) {
            case PENDING, IN_PROGRESS -> null;
            case SENT -> "sent";
            case DELIVERED -> "delivered";
            case FAILED -> "failed";
            case EXPIRED -> "expired";
        };
    }
}
