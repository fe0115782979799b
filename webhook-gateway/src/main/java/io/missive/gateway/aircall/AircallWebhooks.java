package io.missive.gateway.aircall;

import io.missive.events.AircallCallEvent;
import io.missive.events.InboundKind;
import io.missive.events.InboundMessage;
import io.missive.events.OptOut;
import io.missive.events.Provider;
import io.missive.events.Status;
import io.missive.events.StatusUpdated;
import io.missive.gateway.optouts.OptIns;
import io.missive.gateway.publishing.OutgoingEvent;
import io.missive.gateway.webhooks.InvalidCallback;
import io.missive.gateway.webhooks.RejectedCredentials;
import io.missive.gateway.webhooks.SharedSecret;
import io.missive.schemas.ids.MessageIds;
import io.missive.schemas.phones.PhoneNumbers;
import io.missive.schemas.topics.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Aircall's message and call webhooks as events. The endpoint's token is checked first, in constant
 * time; an event the endpoint does not handle is acknowledged and ignored, so Aircall does not keep
 * retrying (or disable) the webhook for events the gateway has no use for. The insight-cards
 * webhook is the one whose token may be absent: it is then closed, every call refused.
 */
public final class AircallWebhooks {

    public static final String SOURCE = "aircall";
    private static final Pattern PROVIDER_ID = Pattern.compile("[A-Za-z0-9_.:\\-]{1,64}");
    private static final Pattern EVENT_NAME = Pattern.compile("[a-z_]{1,32}\\.[a-z_.]{1,64}");
    private static final Set<String> STOP_WORDS = Set.of("stop", "arret", "arrêt", "stop sms", "stopsms", "unsubscribe");
    private static final int MAX_BODY_LENGTH = 5_000;
    /** The call events on which Aircall's phone app can still show a card: the call is ringing. */
    private static final Set<String> RINGING_EVENTS = Set.of("call.created", "call.ringing_on_agent");

    private final Map<AircallEndpoint, SharedSecret> tokens;
    private final Clock clock;

    public AircallWebhooks(Map<AircallEndpoint, SharedSecret> tokens, Clock clock) {
        this.tokens = new EnumMap<>(tokens);
        for (var endpoint : AircallEndpoint.values()) {
            if (endpoint == AircallEndpoint.INSIGHT_CARDS && !this.tokens.containsKey(endpoint)) {
                continue;
            }
            if (!this.tokens.containsKey(endpoint) || !this.tokens.get(endpoint).required()) {
                throw new IllegalArgumentException("a token is required for " + endpoint.path() + ": set " + endpoint.tokenVariable());
            }
        }
        this.clock = clock;
    }

    /** What a webhook became: the events to publish, or why it was ignored. */
    public record Outcome(List<OutgoingEvent> events, @Nullable String ignored) {

        static Outcome publish(OutgoingEvent... events) {
            return new Outcome(List.of(events), null);
        }

        static Outcome ignore(String why) {
            return new Outcome(List.of(), why);
        }
    }

    /** Checks the endpoint's token; nothing else is read from a webhook that fails it. */
    public void authenticate(AircallEndpoint endpoint, @Nullable String token) {
        var secret = tokens.get(endpoint);
        if (secret == null) {
            // A closed webhook costs the same comparison as an open one.
            SharedSecret.of("closed").matches(token);
            throw new RejectedCredentials(endpoint.path());
        }
        if (!secret.matches(token)) {
            throw new RejectedCredentials(endpoint.path());
        }
    }

    /** The events a webhook of an authenticated caller becomes. */
    public Outcome handle(AircallEndpoint endpoint, AircallWebhook webhook) {
        var event = eventName(webhook.event());
        return switch (endpoint) {
            case MESSAGES -> switch (event) {
                case "message.sent" -> Outcome.publish(sent(webhook));
                case "message.received" -> received(webhook);
                case "message.status_updated" -> statusUpdated(webhook);
                default -> Outcome.ignore(event + " is not handled on " + endpoint.path());
            };
            case MESSAGE_STATUS_UPDATED -> "message.status_updated".equals(event)
                    ? statusUpdated(webhook)
                    : Outcome.ignore(event + " is not handled on " + endpoint.path());
            case CALLS -> event.startsWith("call.")
                    ? Outcome.publish(call(event, webhook, false))
                    : Outcome.ignore(event + " is not handled on " + endpoint.path());
            case INSIGHT_CARDS -> insightCard(event, webhook, endpoint);
        };
    }

    private OutgoingEvent sent(AircallWebhook webhook) {
        var id = id(webhook.data().id());
        return new OutgoingEvent(Topics.STATUS, id, statusEvent(webhook, id, Status.SENT, null));
    }

    private Outcome statusUpdated(AircallWebhook webhook) {
        var data = webhook.data();
        var id = id(data.id());
        if ("inbound".equalsIgnoreCase(data.direction())) {
            return Outcome.ignore("statuses of inbound messages are not tracked (the message is an InboundMessage)");
        }
        if (data.status() == null || data.status().isBlank()) {
            throw new InvalidCallback("data.status is required");
        }
        var status = AircallStatuses.toStatus(data.status());
        var reason = status == Status.FAILED ? "AIRCALL_" + data.status().strip().toUpperCase(Locale.ROOT) : null;
        return Outcome.publish(new OutgoingEvent(Topics.STATUS, id, statusEvent(webhook, id, status, reason)));
    }

    private StatusUpdated statusEvent(AircallWebhook webhook, String id, Status status, @Nullable String reason) {
        var data = webhook.data();
        return StatusUpdated.newBuilder()
                .setEventId(MessageIds.eventIdFrom(SOURCE, id, eventName(webhook.event()), timestampPart(webhook),
                        Objects.requireNonNullElse(data.status(), "")))
                .setOccurredAt(occurredAt(webhook))
                .setMessageId(null)
                .setProvider(Provider.AIRCALL)
                .setProviderMessageId(id)
                .setPhone(PhoneNumbers.toE164(data.externalNumber()).orElse(null))
                .setStatus(status)
                .setReason(reason)
                .setSource(SOURCE)
                .build();
    }

    private Outcome received(AircallWebhook webhook) {
        var data = webhook.data();
        var id = id(data.id());
        if (data.externalNumber() == null || data.externalNumber().isBlank()) {
            throw new InvalidCallback("data.external_number is required");
        }
        var phone = PhoneNumbers.toE164(data.externalNumber())
                .orElseThrow(() -> new InvalidCallback("data.external_number is not a phone number"));
        var body = Objects.requireNonNullElse(data.body(), "").strip();
        if (body.length() > MAX_BODY_LENGTH) {
            throw new InvalidCallback("data.body is longer than " + MAX_BODY_LENGTH + " characters");
        }
        boolean stop = STOP_WORDS.contains(body.toLowerCase(Locale.ROOT));
        var occurredAt = occurredAt(webhook);
        var inbound = InboundMessage.newBuilder()
                .setEventId(MessageIds.eventIdFrom(SOURCE, id, "message.received", timestampPart(webhook)))
                .setOccurredAt(occurredAt)
                .setProvider(Provider.AIRCALL)
                .setPhone(phone)
                .setBody(body)
                .setKind(stop ? InboundKind.STOP : InboundKind.REPLY)
                .setProviderMessageId(id)
                .setAircallNumberId(data.numberId())
                .build();
        var inboundEvent = new OutgoingEvent(Topics.INBOUND, phone, inbound);
        if (OptIns.isStart(body)) {
            return Outcome.publish(OptIns.optIn(phone, Provider.AIRCALL, SOURCE, body.toUpperCase(Locale.ROOT), id, occurredAt),
                    inboundEvent);
        }
        if (!stop) {
            return Outcome.publish(inboundEvent);
        }
        var optOut = OptOut.newBuilder()
                .setEventId(MessageIds.eventIdFrom(SOURCE, "optout", phone, id))
                .setOccurredAt(occurredAt)
                .setPhone(phone)
                .setProvider(Provider.AIRCALL)
                .setReason("STOP")
                .build();
        return Outcome.publish(new OutgoingEvent(Topics.OPTOUTS, phone, optOut), inboundEvent);
    }

    /**
     * Only a ringing inbound call asks for a card: it is shown while the phone rings, and an outbound
     * call has no caller to describe. The caller's number may be absent or hidden: the event still
     * goes out (without a phone) and the card then says the caller is unknown.
     */
    private Outcome insightCard(String event, AircallWebhook webhook, AircallEndpoint endpoint) {
        if (!RINGING_EVENTS.contains(event)) {
            return Outcome.ignore(event + " is not handled on " + endpoint.path());
        }
        if (!"inbound".equalsIgnoreCase(webhook.data().direction())) {
            id(webhook.data().id());
            return Outcome.ignore("only inbound calls get an insight card");
        }
        return Outcome.publish(call(event, webhook, true));
    }

    private OutgoingEvent call(String event, AircallWebhook webhook, boolean insightCard) {
        var data = webhook.data();
        var id = id(data.id());
        var callEvent = AircallCallEvent.newBuilder()
                .setEventId(MessageIds.eventIdFrom(SOURCE, id, event, timestampPart(webhook)))
                .setOccurredAt(occurredAt(webhook))
                .setCallId(id)
                .setEvent(event)
                .setDirection(data.direction())
                .setStatus(data.status())
                .setPhone(PhoneNumbers.toE164(data.rawDigits()).orElse(null))
                .setNumberId(data.numberId())
                .setUserId(data.userId())
                .setDurationSeconds(data.durationSeconds())
                .setInsightCard(insightCard)
                .build();
        return new OutgoingEvent(Topics.AIRCALL_CALLS, id, callEvent);
    }

    private static String eventName(@Nullable String event) {
        if (event == null || event.isBlank()) {
            throw new InvalidCallback("event is required");
        }
        if (!EVENT_NAME.matcher(event).matches()) {
            throw new InvalidCallback("event is not an Aircall event name");
        }
        return event;
    }

    private static String id(@Nullable String id) {
        if (id == null || id.isBlank()) {
            throw new InvalidCallback("data.id is required");
        }
        if (!PROVIDER_ID.matcher(id).matches()) {
            throw new InvalidCallback("data.id must be 1 to 64 letters, digits or _.:-");
        }
        return id;
    }

    private static String timestampPart(AircallWebhook webhook) {
        return webhook.timestamp() == null ? "" : webhook.timestamp().toString();
    }

    private Instant occurredAt(AircallWebhook webhook) {
        var timestamp = webhook.timestamp();
        if (timestamp == null || timestamp <= 0) {
            return clock.instant();
        }
        if (timestamp > 10_000_000_000_000L) {
            throw new InvalidCallback("timestamp is not a time");
        }
        // Aircall sends seconds; tolerate milliseconds
        return timestamp > 100_000_000_000L ? Instant.ofEpochMilli(timestamp) : Instant.ofEpochSecond(timestamp);
    }
}
