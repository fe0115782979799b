package io.missive.spothit.dispatch;

import io.missive.events.Channel;
import io.missive.schemas.channels.ChannelRule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One SpotHit call: a campaign's message to up to a batch of recipients, each phone at most once.
 * {@code personalized}: {@code text} is the template and each recipient carries its variables
 * ({@code destinataires_type=datas}); otherwise every recipient gets {@code text} as it is.
 * {@code channel}: SMS, MMS (the attachment), RCS basic ({@code text}) or RCS rich ({@code mediaId});
 * an RCS call carries {@code text} as the SMS its recipients without RCS get instead. An attachment is sent by
 * its SpotHit media id, uploaded before the call ({@link #needsUpload()}, {@link #withMedia}).
 */
public record BulkSms(UUID batchId, String campaignId, String text, boolean personalized,
                      @Nullable String attachmentUrl, List<Recipient> recipients, Channel channel,
                      @Nullable String mediaId) {

    public BulkSms {
        recipients = List.copyOf(recipients);
    }

    /** An SMS or MMS call. */
    public BulkSms(UUID batchId, String campaignId, String text, boolean personalized,
                   @Nullable String attachmentUrl, List<Recipient> recipients) {
        this(batchId, campaignId, text, personalized, attachmentUrl, recipients,
                attachmentUrl == null ? Channel.SMS : Channel.MMS, null);
    }

    public boolean isRcs() {
        return ChannelRule.isRcs(channel);
    }

    /** The same call, same batch, as SMS (MMS with an attachment, its upload kept): SpotHit refused it as RCS. */
    public BulkSms asSms() {
        return attachmentUrl == null ? new BulkSms(batchId, campaignId, text, personalized, null, recipients)
                : new BulkSms(batchId, campaignId, text, personalized, attachmentUrl, recipients, Channel.MMS, mediaId);
    }

    /** An attachment SpotHit does not know yet: its file must be uploaded, and the call name the media id. */
    public boolean needsUpload() {
        return attachmentUrl != null && mediaId == null;
    }

    /** The same call naming the attachment's SpotHit media id. */
    public BulkSms withMedia(String uploadedMediaId) {
        return new BulkSms(batchId, campaignId, text, personalized, attachmentUrl, recipients, channel, uploadedMediaId);
    }

    public record Recipient(String messageId, String phone, Map<String, String> variables) {
    }

    public boolean isMms() {
        return attachmentUrl != null;
    }

    public List<String> messageIds() {
        return recipients.stream().map(Recipient::messageId).toList();
    }

    /** The same call without the recipients another dispatcher instance took first. */
    public BulkSms restrictedTo(Set<String> messageIds) {
        return new BulkSms(batchId, campaignId, text, personalized, attachmentUrl,
                recipients.stream().filter(r -> messageIds.contains(r.messageId())).toList(), channel, mediaId);
    }
}
