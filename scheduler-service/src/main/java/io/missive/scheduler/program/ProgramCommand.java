package io.missive.scheduler.program;

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
                             boolean urgent) {

    /** Not urgent: the sending window applies. */
    public ProgramCommand(String commandId, @Nullable String plannedDate, @Nullable String plannedHour,
                          @Nullable String plannedAt, List<RecipientRequest> recipients, String message,
                          @Nullable AttachmentRef attachment, @Nullable String redirectionTargetId, boolean quitMessage,
                          @Nullable String workshopId, @Nullable String supporterId, List<String> groupStatus,
                          ProviderChoice provider, @Nullable String aircallNumberId, @Nullable String purpose) {
        this(commandId, plannedDate, plannedHour, plannedAt, recipients, message, attachment, redirectionTargetId, quitMessage,
                workshopId, supporterId, groupStatus, provider, aircallNumberId, purpose, false);
    }

    /** {@code urgent}: sent at the planned time even outside the sending window. */
    public ProgramCommand {
        recipients = List.copyOf(recipients);
        groupStatus = groupStatus == null || groupStatus.isEmpty() ? List.of("active") : List.copyOf(groupStatus);
        provider = provider == null ? ProviderChoice.AUTO : provider;
    }

    /** An MMS attachment, by reference. */
    public record AttachmentRef(String fileName, String contentType, String url) {
    }
}
