package io.missive.gateway.spothit;

import io.missive.events.Provider;
import io.missive.events.Status;
import io.missive.events.StatusUpdated;
import io.missive.schemas.phones.PhoneNumbers;
import io.missive.gateway.publishing.OutgoingEvent;
import io.missive.gateway.webhooks.InvalidCallback;
import io.missive.schemas.ids.MessageIds;
import io.missive.schemas.topics.Topics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * SpotHit's RCS status events ({@code messageStatusChanged}) as {@code StatusUpdated} receipts, keyed
 * and joined like the SMS receipts: SpotHit's campaign id + the phone (docs/decisions/0404).
 * QUEUED, SCHEDULED, SCHEDULE_QUEUED say nothing yet; a status this mapping does not know is set
 * apart for the dead letters, never a refusal of the whole callback.
 */
public final class SpotHitRcsEvents {

    public static final String SOURCE = "spothit-rcs";
    /** SpotHit's {@code channelId} for an RCS message delivered as SMS. */
    static final String FALLBACK_CHANNEL = "fallback";
    private static final int MAX_ERROR_LENGTH = 500;
    private static final Pattern PROVIDER_ID = Pattern.compile("[A-Za-z0-9_.:\\-]{1,64}");

    private static final Map<String, Optional<Status>> MAPPING = Map.ofEntries(
            Map.entry("QUEUED", Optional.empty()),
            Map.entry("SCHEDULED", Optional.empty()),
            Map.entry("SCHEDULE_QUEUED", Optional.empty()),
            Map.entry("SENT", Optional.of(Status.SENT)),
            Map.entry("DELIVERED", Optional.of(Status.DELIVERED)),
            Map.entry("DELIVERY_RETRIED", Optional.of(Status.IN_PROGRESS)),
            Map.entry("DELIVERY_FAILED", Optional.of(Status.FAILED)),
            Map.entry("SCHEDULE_DELETION_FAILED", Optional.of(Status.FAILED)),
            Map.entry("SCHEDULE_DELETED", Optional.of(Status.EXPIRED)),
            Map.entry("READ", Optional.of(Status.READ)));

    private final Clock clock;

    public SpotHitRcsEvents(Clock clock) {
        this.clock = clock;
    }

    /** One {@code messageStatusChanged}, as read from the body; {@code raw} is its JSON, for a dead letter. */
    public record StatusChanged(@Nullable String status, @Nullable String channelId, @Nullable String userId,
                                @Nullable String campaignId, @Nullable String error, String raw) {
    }

    /** An event with a status the mapping does not know: kept for a person to look at. */
    public record Unknown(String campaignId, String status, String raw) {
    }

    /**
     * @param events  what to publish, in the order received
     * @param ignored events that say nothing yet (queued, scheduled)
     * @param unknown events whose status is not one SpotHit documents
     */
    public record Mapped(List<OutgoingEvent> events, int ignored, List<Unknown> unknown) {
    }

    /** Maps every event of one callback, or refuses the whole callback when one is malformed (nothing is published). */
    public Mapped map(List<StatusChanged> changes) {
        if (changes.isEmpty()) {
            throw new InvalidCallback("events must hold at least one event");
        }
        var now = clock.instant();
        var events = new ArrayList<OutgoingEvent>();
        var unknown = new ArrayList<Unknown>();
        int ignored = 0;
        for (int i = 0; i < changes.size(); i++) {
            var change = changes.get(i);
            var where = "events[" + i + "].messageStatusChanged.";
            var campaign = providerId(change.campaignId(), where + "context.campaign_id");
            var phone = PhoneNumbers.toE164(required(change.userId(), where + "userId"))
                    .orElseThrow(() -> new InvalidCallback(where + "userId is not a phone number"));
            var statusName = required(change.status(), where + "status").strip().toUpperCase(Locale.ROOT);
            var mapped = MAPPING.get(statusName);
            if (mapped == null) {
                unknown.add(new Unknown(campaign, statusName.length() > 64 ? statusName.substring(0, 64) : statusName, change.raw()));
                continue;
            }
            if (mapped.isEmpty()) {
                ignored++;
                continue;
            }
            var status = mapped.get();
            boolean fallback = FALLBACK_CHANNEL.equalsIgnoreCase(Objects.requireNonNullElse(change.channelId(), "").strip());
            var event = StatusUpdated.newBuilder()
                    .setEventId(MessageIds.eventIdFrom(SOURCE, "status", campaign, phone, statusName, fallback ? FALLBACK_CHANNEL : ""))
                    .setOccurredAt(now)
                    .setMessageId(null)
                    .setProvider(Provider.SPOTHIT)
                    .setProviderMessageId(campaign)
                    .setPhone(phone)
                    .setStatus(status)
                    .setReason(status == Status.FAILED || status == Status.EXPIRED ? reason(statusName, change.error()) : null)
                    .setSource(SOURCE)
                    .setFallback(fallback)
                    .build();
            events.add(new OutgoingEvent(Topics.STATUS, campaign, event));
        }
        return new Mapped(List.copyOf(events), ignored, List.copyOf(unknown));
    }

    private static String reason(String statusName, @Nullable String error) {
        var reason = "SPOTHIT_RCS_" + statusName + (error == null || error.isBlank() ? "" : ": " + error.strip());
        return reason.length() > MAX_ERROR_LENGTH ? reason.substring(0, MAX_ERROR_LENGTH) : reason;
    }

    private static String required(@Nullable String value, String name) {
        if (value == null || value.isBlank()) {
            throw new InvalidCallback(name + " is required");
        }
        return value;
    }

    private static String providerId(@Nullable String value, String name) {
        var id = required(value, name).strip();
        if (!PROVIDER_ID.matcher(id).matches()) {
            throw new InvalidCallback(name + " must be 1 to 64 letters, digits or _.:-");
        }
        return id;
    }
}
