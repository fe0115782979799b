package io.missive.tracker.projection;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;

/**
 * Applies a batch of events, in the order they were read, to the Events store in one transaction
 * together with their processed-event keys: applying the same batch again changes nothing.
 */
public interface EventProjection {

    /** The classes of {@link ProjectedEvents#ALL}; anything else read from the tracker's topics is a dead letter. */
    Set<Class<? extends SpecificRecord>> PROJECTED = ProjectedEvents.ALL.stream()
            .map(ProjectedEvents.Type::javaClass).collect(Collectors.toUnmodifiableSet());

    BatchOutcome apply(List<SpecificRecord> events);
}
