package io.missive.gateway.publishing;

import io.missive.schemas.topics.Topic;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;

/** An event a callback turned into, with the topic and record key it goes to. */
public record OutgoingEvent(Topic topic, String key, SpecificRecord event) {

    public OutgoingEvent {
        if (!topic.carries(event.getClass())) {
            throw new IllegalArgumentException(topic.name() + " does not carry " + event.getClass().getSimpleName());
        }
    }

    /** The event's id, for logs. */
    public String eventId() {
        return event instanceof GenericRecord record ? String.valueOf(record.get("eventId")) : "?";
    }

    /** The ids of several events, for logs. */
    public static String eventIds(List<OutgoingEvent> events) {
        return String.join(",", events.stream().map(OutgoingEvent::eventId).toList());
    }
}
