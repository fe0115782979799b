package io.missive.gateway.spothit;

import io.missive.events.InboundKind;
import io.missive.events.InboundMessage;
import io.missive.events.OptOut;
import io.missive.events.Provider;
import io.missive.events.Status;
import io.missive.events.StatusUpdated;
import io.missive.gateway.publishing.OutgoingEvent;
import io.missive.gateway.webhooks.InvalidCallback;
import io.missive.gateway.webhooks.RejectedCredentials;
import io.missive.gateway.webhooks.SharedSecret;
import io.missive.schemas.Statuses;
import io.missive.schemas.ids.MessageIds;
import io.missive.schemas.phones.PhoneNumbers;
import io.missive.schemas.topics.Topics;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * SpotHit's callbacks (delivery receipts, STOP, replies) as events. Event ids derive from SpotHit's
 * own identifiers, so a callback SpotHit delivers twice yields the same event id twice.
 */
public final class SpotHitCallbacks {

    public static final String SOURCE = "spothit";
    static final int MAX_MESSAGE_LENGTH = 5_000;
    private static final Pattern PROVIDER_ID = Pattern.compile("[A-Za-z0-9_.:\\-]{1,64}");
    private static final Pattern STATUS_CODE = Pattern.compile("[0-5]");

    private final Clock clock;
    private final SharedSecret secret;

    /** @param secret what callbacks must carry as {@code secret} ({@link SharedSecret#none()} only in unit tests) */
    public SpotHitCallbacks(Clock clock, SharedSecret secret) {
        this.clock = clock;
        this.secret = secret;
    }

    /** Checks the shared secret before anything else is read. */
    public void authenticate(String endpoint, @Nullable String presented) {
        if (!secret.matches(presented)) {
            throw new RejectedCredentials(endpoint);
        }
    }

    /**
     * A delivery receipt: {@code statut} (0–5) for one recipient ({@code numero}) of SpotHit campaign
     * {@code idMessage}, or for every message of it when there is no number. Keyed by the campaign id.
     */
    public List<OutgoingEvent> receipt(@Nullable String idMessage, @Nullable String statut, @Nullable String numero) {
        var campaign = providerId(idMessage, "id_message");
        var status = status(statut);
        var phone = isAbsent(numero) ? null : phone(numero, "numero");
        var event = StatusUpdated.newBuilder()
                .setEventId(MessageIds.eventIdFrom(SOURCE, "status", campaign, Objects.requireNonNullElse(phone, "*"),
                        Integer.toString(Statuses.code(status))))
                .setOccurredAt(clock.instant())
                .setMessageId(null)
                .setProvider(Provider.SPOTHIT)
                .setProviderMessageId(campaign)
                .setPhone(phone)
                .setStatus(status)
                .setReason(switch (status) {
                    case FAILED, EXPIRED -> "SPOTHIT_STATUS_" + Statuses.code(status);
                    default -> null;
                })
                .setSource(SOURCE)
                .build();
        return List.of(new OutgoingEvent(Topics.STATUS, campaign, event));
    }

    /**
     * A STOP: the phone opts out (compacted {@code missive.optouts}, keyed by phone) and the STOP is
     * kept as an inbound message. {@code reference} is SpotHit's id or date of the STOP when it sends one.
     */
    public List<OutgoingEvent> stop(@Nullable String numero, @Nullable String message, @Nullable String reference) {
        var phone = phone(numero, "numero");
        var body = isAbsent(message) ? "STOP" : text(message, "message");
        var ref = reference(reference);
        var now = clock.instant();
        var optOut = OptOut.newBuilder()
                .setEventId(MessageIds.eventIdFrom(SOURCE, "optout", phone))
                .setOccurredAt(now)
                .setPhone(phone)
                .setProvider(Provider.SPOTHIT)
                .setReason("STOP")
                .build();
        var inbound = InboundMessage.newBuilder()
                .setEventId(MessageIds.eventIdFrom(SOURCE, "stop", phone, body, ref))
                .setOccurredAt(now)
                .setProvider(Provider.SPOTHIT)
                .setPhone(phone)
                .setBody(body)
                .setKind(InboundKind.STOP)
                .setProviderMessageId(ref.isEmpty() ? null : ref)
                .build();
        return List.of(new OutgoingEvent(Topics.OPTOUTS, phone, optOut), new OutgoingEvent(Topics.INBOUND, phone, inbound));
    }

    /** A parent's reply, keyed by phone. {@code reference} is SpotHit's id or date of the reply when it sends one. */
    public List<OutgoingEvent> reply(@Nullable String numero, @Nullable String message, @Nullable String reference) {
        var phone = phone(numero, "numero");
        if (isAbsent(message)) {
            throw new InvalidCallback("message is required");
        }
        var body = text(message, "message");
        var ref = reference(reference);
        var inbound = InboundMessage.newBuilder()
                .setEventId(MessageIds.eventIdFrom(SOURCE, "reply", phone, body, ref))
                .setOccurredAt(clock.instant())
                .setProvider(Provider.SPOTHIT)
                .setPhone(phone)
                .setBody(body)
                .setKind(InboundKind.REPLY)
                .setProviderMessageId(ref.isEmpty() ? null : ref)
                .build();
        return List.of(new OutgoingEvent(Topics.INBOUND, phone, inbound));
    }

    private static String providerId(@Nullable String value, String name) {
        if (isAbsent(value)) {
            throw new InvalidCallback(name + " is required");
        }
        var id = value.strip();
        if (!PROVIDER_ID.matcher(id).matches()) {
            throw new InvalidCallback(name + " must be 1 to 64 letters, digits or _.:-");
        }
        return id;
    }

    private static String reference(@Nullable String reference) {
        if (isAbsent(reference)) {
            return "";
        }
        if (reference.length() > 64) {
            throw new InvalidCallback("id is longer than 64 characters");
        }
        return reference.strip();
    }

    private static Status status(@Nullable String statut) {
        if (isAbsent(statut)) {
            throw new InvalidCallback("statut is required");
        }
        var code = statut.strip();
        if (!STATUS_CODE.matcher(code).matches()) {
            throw new InvalidCallback("statut must be a status code from 0 to 5");
        }
        return Statuses.fromCode(Integer.parseInt(code));
    }

    private static String phone(@Nullable String numero, String name) {
        if (isAbsent(numero)) {
            throw new InvalidCallback(name + " is required");
        }
        return PhoneNumbers.toE164(numero)
                .orElseThrow(() -> new InvalidCallback(name + " is not a phone number"));
    }

    private static String text(String message, String name) {
        if (message.length() > MAX_MESSAGE_LENGTH) {
            throw new InvalidCallback(name + " is longer than " + MAX_MESSAGE_LENGTH + " characters");
        }
        return message.strip();
    }

    private static boolean isAbsent(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
