package io.missive.gateway.aircall;

import io.missive.events.Status;
import java.util.Locale;

/**
 * Aircall message statuses in the shared codes. Only a final word from Aircall is final: a status
 * still moving (queued, sending, accepted, an unknown one…) is IN_PROGRESS, never FAILED.
 */
public final class AircallStatuses {

    private AircallStatuses() {
    }

    public static Status toStatus(String aircallStatus) {
        return switch (aircallStatus.strip().toLowerCase(Locale.ROOT)) {
            case "delivered" -> Status.DELIVERED;
            case "sent" -> Status.SENT;
            case "failed", "undelivered" -> Status.FAILED;
            default -> Status.IN_PROGRESS;
        };
    }
}
