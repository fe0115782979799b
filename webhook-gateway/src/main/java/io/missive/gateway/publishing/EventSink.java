package io.missive.gateway.publishing;

import java.time.Duration;
import java.util.List;

/**
 * Where the gateway's events go. {@link #publishAll} returns only once the broker acknowledged every
 * event ({@code acks=all}), so the caller may answer the provider with a 2xx.
 */
public interface EventSink {

    /** @throws EventsUnavailable when the broker did not acknowledge in time: the provider must retry */
    void publishAll(List<OutgoingEvent> events);

    /** The same, waiting at most {@code wait} (a redirect cannot keep a parent waiting as long as a webhook). */
    void publishAll(List<OutgoingEvent> events, Duration wait);
}
