package io.missive.gateway.optouts;

import io.missive.events.OptOut;
import io.missive.events.Provider;
import io.missive.gateway.publishing.OutgoingEvent;
import io.missive.schemas.ids.MessageIds;
import io.missive.schemas.topics.Topics;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * Opting back in publishes the phone's {@code OptOut} with {@code active=false}, its author and its reason, on the
 * compacted topic (keyed by phone): the topic then holds the current state for the dispatchers and the scheduler,
 * and the tracker keeps the history.
 */
public final class OptIns {

    /** Replies that opt a phone back in, compared after trimming and ignoring case. */
    private static final Set<String> START_WORDS = Set.of("start", "unstop");

    private OptIns() {
    }

    public static boolean isStart(String body) {
        return START_WORDS.contains(body.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * @param reference what makes this opt-in distinct from an earlier one of the same phone (the provider's id of the
     *                  reply, or the time of a revoke), so that the history keeps both
     */
    public static OutgoingEvent optIn(String phone, Provider provider, String author, String reason, String reference, Instant at) {
        var event = OptOut.newBuilder()
                .setEventId(MessageIds.eventIdFrom("optin", phone, author, reference))
                .setOccurredAt(at)
                .setPhone(phone)
                .setProvider(provider)
                .setReason(reason)
                .setActive(false)
                .setAuthor(author)
                .build();
        return new OutgoingEvent(Topics.OPTOUTS, phone, event);
    }
}
