package io.missive.scheduler.program.http;

import io.missive.events.ChannelChoice;
import io.missive.events.ProviderChoice;
import io.missive.scheduler.program.CampaignStore.CampaignView;
import io.missive.scheduler.program.ProgramCommand;
import io.missive.scheduler.resolution.RecipientRequest;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The JSON of the programs API: the MessageCommand record, and the reply. */
public final class ProgramApi {

    private ProgramApi() {
    }

    @Schema(description = "A program command: the MessageCommand record as JSON. commandId is the idempotency key.")
    public record ProgramRequest(
            @NotBlank @Size(max = 200) String commandId,
            @Schema(description = "yyyy-MM-dd, Europe/Paris", example = "2026-03-29") @Nullable String plannedDate,
            @Schema(description = "HH:mm, Europe/Paris", example = "14:30") @Nullable String plannedHour,
            @Schema(description = "ISO-8601 instant, instead of date + hour") @Nullable String plannedAt,
            @NotEmpty List<@Valid RecipientJson> recipients,
            @NotBlank @Schema(example = "Bonjour ! {PRENOM_ENFANT} a une nouvelle vidéo : {URL}") String message,
            @Valid @Nullable AttachmentJson attachment,
            @Nullable String redirectionTargetId,
            @Nullable Boolean quitMessage,
            @Nullable String workshopId,
            @Nullable String supporterId,
            @Schema(description = "Group statuses kept; default [active]") @Nullable List<String> groupStatus,
            @Schema(description = "AUTO (default), SPOTHIT or AIRCALL") @Nullable ProviderChoice provider,
            @Nullable String aircallNumberId,
            @Schema(example = "call0_goals") @Nullable String purpose,
            @Schema(description = "Send at the planned time even outside the sending window (default false)") @Nullable Boolean urgent,
            @Schema(description = "AUTO (default: the SpotHit dispatcher's RCS mode decides), SMS or RCS") @Nullable ChannelChoice channel,
            @Schema(description = "A SpotHit media id, for RCS rich without an attachment") @Nullable String mediaId) {

        ProgramCommand toDomain() {
            var attachmentRef = attachment == null ? null
                    : new ProgramCommand.AttachmentRef(attachment.fileName(), attachment.contentType(), attachment.url());
            return new ProgramCommand(commandId, plannedDate, plannedHour, plannedAt,
                    recipients.stream().map(r -> new RecipientRequest(r.selector(), r.phone(), r.variables())).toList(),
                    message, attachmentRef, redirectionTargetId, Boolean.TRUE.equals(quitMessage), workshopId, supporterId,
                    groupStatus == null ? List.of() : groupStatus, provider == null ? ProviderChoice.AUTO : provider,
                    aircallNumberId, purpose, Boolean.TRUE.equals(urgent), channel == null ? ChannelChoice.AUTO : channel, mediaId);
        }
    }

    @Schema(description = "A selector (parent.N, child.N, group.N, tag.N) or a raw phone with explicit variables")
    public record RecipientJson(@Nullable String selector, @Nullable String phone, @Nullable Map<String, String> variables) {
    }

    public record AttachmentJson(@NotBlank String fileName, @NotBlank String contentType, @NotBlank String url) {
    }

    @Schema(description = "A campaign: accepted, failed and dropped recipients, and its publication state")
    public record ProgramReply(String commandId, boolean replay, String state, String provider, Instant plannedAt,
                               int recipients, int accepted, int publishedThroughSeq, int cancelled,
                               @Schema(description = "Recipients that failed at acceptance, in order; the first `limit` "
                                       + "when one was asked") List<FailedJson> failed,
                               @Schema(description = "Recipients dropped, in order; the first `limit` when one was asked")
                               List<DroppedJson> dropped,
                               @Schema(description = "Every failed recipient counted by reason") Map<String, Integer> failedByReason,
                               @Schema(description = "Every dropped recipient counted by reason") Map<String, Integer> droppedByReason,
                               @Schema(description = "What acceptance changed in the command: an appended {URL}, a planned time "
                                       + "moved by the sending window (both times)...") List<String> notices,
                               boolean urgent) {

        static ProgramReply of(CampaignView view, boolean replay) {
            var c = view.campaign();
            return new ProgramReply(c.commandId(), replay, c.state().name(), c.provider().name(), c.dueAt(), c.recipientCount(),
                    c.recipientCount() - c.failedCount(), c.publishedSeq(), view.cancelled(),
                    view.failed().stream().map(f -> new FailedJson(f.recipient(), f.messageId(), f.reason())).toList(),
                    view.dropped().stream().map(d -> new DroppedJson(d.recipient(), d.reason().name())).toList(),
                    view.failedByReason(), view.droppedByReason(), c.notices(), c.urgent());
        }
    }

    public record FailedJson(String recipient, String messageId, String reason) {
    }

    public record DroppedJson(String recipient, String reason) {
    }

    public record CancelReply(String commandId, String state, int cancelled, boolean alreadyCancelled) {
    }
}
