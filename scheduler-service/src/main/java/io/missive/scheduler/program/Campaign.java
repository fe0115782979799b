package io.missive.scheduler.program;

import io.missive.events.ChannelChoice;
import io.missive.events.Provider;
import io.missive.scheduler.program.ProgramCommand.AttachmentRef;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An accepted command: what every one of its messages shares, and where its publication stands.
 * {@code publishedSeq} is the durable cursor: every message with a lower or equal seq was acknowledged by the broker.
 */
public record Campaign(String commandId, State state, Provider provider, String template, Instant dueAt, Instant acceptedAt,
                       int recipientCount, int failedCount, int droppedCount, int publishedSeq, boolean announced,
                       boolean cancelAnnounced, @Nullable AttachmentRef attachment, @Nullable String redirectionTargetId,
                       @Nullable String redirectionUrl, boolean quitMessage, @Nullable String workshopId,
                       @Nullable String supporterId, @Nullable String aircallNumberId, @Nullable String purpose,
                       List<String> notices, boolean urgent, ChannelChoice channel, @Nullable String mediaId) {

    /**
     * {@code notices}: what the acceptance changed and the reply must say (an appended {@code {URL}}, a due time moved by
     * the sending window...); {@code urgent}: the command asked to be sent outside the sending window; {@code channel} and
     * {@code mediaId}: what the command asked of the SpotHit dispatcher (issue 19).
     */
    public Campaign {
        channel = channel == null ? ChannelChoice.AUTO : channel;
        notices = notices == null ? List.of() : List.copyOf(notices);
    }

    public enum State { PLANNED, DONE, CANCELLED }
}
