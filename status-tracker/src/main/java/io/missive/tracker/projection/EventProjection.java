package io.missive.tracker.projection;

import io.missive.events.AircallCallEvent;
import io.missive.events.AircallMessageRecorded;
import io.missive.events.InboundMessage;
import io.missive.events.LinkClicked;
import io.missive.events.MessagePlanned;
import io.missive.events.OptOut;
import io.missive.events.StatusUpdated;
import java.util.List;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * Applies a batch of events, in the order they were read, to the Events store in one transaction
 * together with their processed-event keys: applying the same batch again changes nothing.
 */
public interface EventProjection {

    /** The event types the tracker projects; anything else read from its topics is a dead letter. */
    Set<Class<? extends SpecificRecord>> PROJECTED = Set.of(MessagePlanned.class, StatusUpdated.class,
            AircallMessageRecorded.class, InboundMessage.class, OptOut.class, LinkClicked.class, AircallCallEvent.class);

    BatchOutcome apply(List<SpecificRecord> events);
}
