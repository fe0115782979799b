package io.missive.spothit.dispatch;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One SpotHit call: a campaign's message to up to a batch of recipients, each phone at most once.
 * {@code personalized}: {@code text} is the template and each recipient carries its variables
 * ({@code destinataires_type=datas}); otherwise every recipient gets {@code text} as it is.
 */
public record BulkSms(UUID batchId, String campaignId, String text, boolean personalized,
                      @Nullable String attachmentUrl, List<Recipient> recipients) {

    public BulkSms {
        recipients = List.copyOf(recipients);
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
                recipients.stream().filter(r -> messageIds.contains(r.messageId())).toList());
    }
}
