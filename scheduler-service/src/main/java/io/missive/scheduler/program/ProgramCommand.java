package io.missive.scheduler.program;

import io.missive.events.ChannelChoice;
import io.missive.events.ProviderChoice;
import io.missive.scheduler.resolution.RecipientRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A program command (from Kafka or REST), as the domain sees it. */
public record ProgramCommand(String commandId, @Nullable String plannedDate, @Nullable String plannedHour,
                             @Nullable String plannedAt, List<RecipientRequest> recipients, String message,
                             @Nullable AttachmentRef attachment, @Nullable String redirectionTargetId, boolean quitMessage,
                             @Nullable String workshopId, @Nullable String supporterId, List<String> groupStatus,
                             ProviderChoice provider, @Nullable String aircallNumberId, @Nullable String purpose,
                             boolean urgent, ChannelChoice channel, @Nullable String mediaId) {

    /** Not urgent: the sending window applies. */
    public ProgramCommand(String commandId, @Nullable String plannedDate, @Nullable String plannedHour,
                          @Nullable String plannedAt, List<RecipientRequest> recipients, String message,
                          @Nullable AttachmentRef attachment, @Nullable String redirectionTargetId, boolean quitMessage,
                          @Nullable String workshopId, @Nullable String supporterId, List<String> groupStatus,
                          ProviderChoice provider, @Nullable String aircallNumberId, @Nullable String purpose) {
        this(commandId, plannedDate, plannedHour, plannedAt, recipients, message, attachment, redirectionTargetId, quitMessage,
                workshopId, supporterId, groupStatus, provider, aircallNumberId, purpose, false);
    }

    /** On the channel the dispatcher's RCS mode picks ({@code AUTO}), without a SpotHit media id. */
    public ProgramCommand(String commandId, @Nullable String plannedDate, @Nullable String plannedHour,
                          @Nullable String plannedAt, List<RecipientRequest> recipients, String message,
                          @Nullable AttachmentRef attachment, @Nullable String redirectionTargetId, boolean quitMessage,
                          @Nullable String workshopId, @Nullable String supporterId, List<String> groupStatus,
                          ProviderChoice provider, @Nullable String aircallNumberId, @Nullable String purpose, boolean urgent) {
        this(commandId, plannedDate, plannedHour, plannedAt, recipients, message, attachment, redirectionTargetId, quitMessage,
                workshopId, supporterId, groupStatus, provider, aircallNumberId, purpose, urgent, ChannelChoice.AUTO, null);
    }

    /**
     * {@code urgent}: sent at the planned time even outside the sending window; {@code channel}: SMS, RCS or AUTO,
     * passed to the SpotHit dispatcher; {@code mediaId}: a SpotHit media id for RCS rich.
     */
    public ProgramCommand {
        channel = channel == null ? ChannelChoice.AUTO : channel;
        mediaId = mediaId == null || mediaId.isBlank() ? null : mediaId;
        recipients = List.copyOf(recipients);
        groupStatus = groupStatus == null || groupStatus.isEmpty() ? List.of("active") : List.copyOf(groupStatus);
        provider = provider == null ? ProviderChoice.AUTO : provider;
    }

    /** An MMS attachment, by reference. */
    public record AttachmentRef(String fileName, String contentType, String url) {
    }
}
