package io.missive.spothit.dispatch;

import io.missive.events.Channel;
import io.missive.events.ChannelChoice;
import io.missive.schemas.channels.ChannelRule;
import io.missive.schemas.channels.RcsMode;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A due message for SpotHit, as the scheduler requested it. {@code dueAt} is its planned time: parked
 * messages are retried in that order, and given up on {@code give-up-after} past it. {@code channel} is
 * what the command asked (AUTO, SMS, RCS), {@code mediaId} a SpotHit media for RCS rich.
 */
public record RequestedMessage(String messageId, String campaignId, String phone, String body, String template,
                               Map<String, String> variables, @Nullable String attachmentUrl, Instant dueAt,
                               ChannelChoice channel, @Nullable String mediaId) {

    /** A message that asks for no channel in particular. */
    public RequestedMessage(String messageId, String campaignId, String phone, String body, String template,
                            Map<String, String> variables, @Nullable String attachmentUrl, Instant dueAt) {
        this(messageId, campaignId, phone, body, template, variables, attachmentUrl, dueAt, ChannelChoice.AUTO, null);
    }

    /** A message due now (tests and callers without a planned time), on the channel it asks. */
    public RequestedMessage(String messageId, String campaignId, String phone, String body, String template,
                            Map<String, String> variables, @Nullable String attachmentUrl,
                            ChannelChoice channel, @Nullable String mediaId) {
        this(messageId, campaignId, phone, body, template, variables, attachmentUrl, Instant.now(), channel, mediaId);
    }

    public RequestedMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(dueAt, "dueAt");
        body = body == null ? "" : body;
        template = template == null ? "" : template;
        variables = variables == null ? Map.of() : Map.copyOf(variables);
        channel = channel == null ? ChannelChoice.AUTO : channel;
    }

    /** The channel this message takes under the given RCS mode (the one rule, in {@code schemas}). */
    public Channel channelUnder(RcsMode mode) {
        return ChannelRule.choose(mode, channel, attachmentUrl != null, mediaId, body);
    }

    /** The same message asking for another channel. */
    public RequestedMessage withChannel(ChannelChoice asked) {
        return new RequestedMessage(messageId, campaignId, phone, body, template, variables, attachmentUrl, dueAt, asked, mediaId);
    }

    /** A message due now (tests and callers without a planned time). */
    public RequestedMessage(String messageId, String campaignId, String phone, String body, String template,
                            Map<String, String> variables, @Nullable String attachmentUrl) {
        this(messageId, campaignId, phone, body, template, variables, attachmentUrl, Instant.now());
    }

    /** Whether SpotHit, given the template and this recipient's variables, renders exactly this body. */
    boolean templateRendersBody() {
        return !template.isBlank() && TemplateText.render(template, variables).equals(body);
    }
}
