package io.missive.gateway.publishing;

import io.missive.schemas.topics.Topic;

/**
 * Where a callback's part that cannot become an event goes, as it came, with why: the topic's
 * dead-letter topic ({@code <topic>.DLT}), like the records the consumers cannot read.
 */
public interface DeadLetters {

    /** Returns once the broker acknowledged it. @throws EventsUnavailable when it did not in time */
    void deadLetter(Topic topic, String key, String raw, String reason);
}
