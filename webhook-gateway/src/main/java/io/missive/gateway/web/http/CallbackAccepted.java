package io.missive.gateway.web.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The body of a 200 to a provider: how many events were acknowledged by the broker, or why the
 * callback was acknowledged without one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallbackAccepted(int published, @Nullable String ignored) {

    public static CallbackAccepted published(int count) {
        return new CallbackAccepted(count, null);
    }
}
