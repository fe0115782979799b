package io.missive.tracker.projection.jdbc;

import org.apache.avro.specific.SpecificRecord;

/** Lets tests name an event by its key the way the projection does. */
public final class JdbcEventProjectionAccess {

    private JdbcEventProjectionAccess() {
    }

    public static String eventId(SpecificRecord event) {
        return JdbcEventProjection.eventId(event);
    }
}
