package io.missive.schemas.erasure;

import io.missive.events.ErasureConfirmed;
import io.missive.events.ParentErased;
import io.missive.events.Provider;
import io.missive.events.Status;
import io.missive.events.StatusUpdated;
import io.missive.schemas.ids.MessageIds;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The failure reason of a message cancelled because its parent was erased, and the confirmation a service publishes
 * on {@code missive.erasures} once it erased what it held. The confirmation's event id derives from the erasure and
 * the service, so a replayed erasure confirms again under the same id and the tracker keeps one row.
 */
public final class Erasures {

    /** {@code FAILED ERASED}: a pending message of an erased parent. */
    public static final String REASON = "ERASED";

    /** What every service keeps of an opted-out phone after its erasure. */
    public static final String KEPT_OPT_OUT = "opt-out kept as a hash of the phone (a STOP outlives the erasure)";

    /** What replaces a redacted text column (a NOT NULL one; nullable ones become null). */
    public static final String REDACTED = "";

    private Erasures() {
    }

    /** {@code FAILED ERASED} for a message stopped before it reached a provider; no phone, so nothing is projected again. */
    public static StatusUpdated failed(String messageId, Provider provider, String source, Instant at) {
        return StatusUpdated.newBuilder()
                .setEventId(MessageIds.eventIdFrom(messageId, "failed", REASON))
                .setOccurredAt(at).setMessageId(messageId).setProvider(provider)
                .setStatus(Status.FAILED).setReason(REASON).setSource(source).build();
    }

    public static ErasureConfirmed confirmed(ParentErased request, String service, Map<String, Long> removed,
                                             @Nullable String kept, Instant at) {
        return ErasureConfirmed.newBuilder()
                .setEventId(MessageIds.eventIdFrom("erasure", request.getErasureId(), service))
                .setOccurredAt(at)
                .setErasureId(request.getErasureId())
                .setParentId(request.getParentId())
                .setService(service)
                .setRemoved(new LinkedHashMap<>(removed))
                .setKept(kept)
                .build();
    }
}
