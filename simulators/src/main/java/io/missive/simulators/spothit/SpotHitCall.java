package io.missive.simulators.spothit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP call the simulator received, whatever became of it.
 *
 * @param endpoint   {@code sms} or {@code mms}
 * @param recipients how many recipients the call named
 * @param httpStatus the status answered (0 when the call was held and never answered)
 * @param campaignId SpotHit's id when accepted
 * @param errors     SpotHit's error codes when refused ({@code "30"}, {@code "3,6"})
 */
public record SpotHitCall(Instant arrivedAt, String endpoint, int recipients, int httpStatus,
                          @Nullable String campaignId, @Nullable String errors) {

    public boolean accepted() {
        return campaignId != null;
    }
}
