package io.missive.tracker.projection;

import io.missive.events.AircallCallEvent;
import io.missive.events.AircallMessageRecorded;
import io.missive.events.InboundMessage;
import io.missive.events.LinkClicked;
import io.missive.events.MessagePlanned;
import io.missive.events.OptOut;
import io.missive.events.StatusUpdated;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;

/**
 * The one list of the event types the tracker projects, each with its event key and how a redelivery
 * is recognised. The listener dead-letters any other type, the projection sorts a batch by these types
 * and the metrics count applied events per type.
 */
public final class ProjectedEvents {

    /**
     * One projected event type; {@link #name()} is how metrics and batch outcomes name it.
     *
     * @param claimed whether the projection claims the event's key in {@code processed_events} before
     *                applying it; the two types every message has several of (plans and status reports) are
     *                idempotent by the Events store's own keys instead, which spares a write per event
     *                (decision 0502)
     */
    public record Type<E extends SpecificRecord>(Class<E> javaClass, Function<E, String> eventId, boolean claimed) {

        public String name() {
            return javaClass.getSimpleName();
        }
    }

    public static final Type<MessagePlanned> PLANNED = new Type<>(MessagePlanned.class, MessagePlanned::getEventId, false);
    public static final Type<StatusUpdated> STATUS = new Type<>(StatusUpdated.class, StatusUpdated::getEventId, false);
    public static final Type<AircallMessageRecorded> AIRCALL_RECORDED =
            new Type<>(AircallMessageRecorded.class, AircallMessageRecorded::getEventId, true);
    public static final Type<InboundMessage> INBOUND = new Type<>(InboundMessage.class, InboundMessage::getEventId, true);
    public static final Type<OptOut> OPT_OUT = new Type<>(OptOut.class, OptOut::getEventId, true);
    public static final Type<LinkClicked> CLICK = new Type<>(LinkClicked.class, LinkClicked::getEventId, true);
    public static final Type<AircallCallEvent> CALL = new Type<>(AircallCallEvent.class, AircallCallEvent::getEventId, true);

    public static final List<Type<?>> ALL = List.of(PLANNED, STATUS, AIRCALL_RECORDED, INBOUND, OPT_OUT, CLICK, CALL);

    private static final Map<Class<?>, Type<?>> BY_CLASS =
            ALL.stream().collect(Collectors.toUnmodifiableMap(Type::javaClass, type -> type));

    private ProjectedEvents() {
    }

    /** The event's type; an event the tracker does not project is a caller's mistake. */
    public static Type<?> typeOf(SpecificRecord event) {
        var type = BY_CLASS.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException("the tracker does not project " + event.getSchema().getFullName());
        }
        return type;
    }

    /** The event's key: what the projection claims in {@code processed_events} for the types that claim it. */
    public static String eventId(SpecificRecord event) {
        return eventId(typeOf(event), event);
    }

    private static <E extends SpecificRecord> String eventId(Type<E> type, SpecificRecord event) {
        return type.eventId().apply(type.javaClass().cast(event));
    }
}
