package io.missive.schemas.channels;

import io.missive.events.Channel;
import io.missive.events.ChannelChoice;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The rule that picks a SpotHit message's channel, as the programme uses it: a message without media
 * whose rendered text fits in 160 bytes of UTF-8 (SpotHit counts bytes: an accent is 2, € is 3) goes
 * as RCS basic; a message with a media goes as RCS rich when the command asks for RCS; everything
 * else as SMS, or MMS with an attachment. RCS basic and rich fall back to SMS on phones without RCS.
 */
public final class ChannelRule {

    /** The most bytes of UTF-8 an RCS basic message may hold. */
    public static final int RCS_BASIC_MAX_BYTES = 160;

    private ChannelRule() {
    }

    /**
     * @param hasAttachment the command carries an attachment (a file the dispatcher uploads)
     * @param mediaId       a SpotHit media id the command names directly
     */
    public static Channel choose(RcsMode mode, ChannelChoice asked, boolean hasAttachment, @Nullable String mediaId,
                                 String renderedText) {
        var plain = hasAttachment ? Channel.MMS : Channel.SMS;
        if (mode == RcsMode.OFF || asked == ChannelChoice.SMS) {
            return plain;
        }
        // An attachment is a media too: the SpotHit dispatcher uploads it and names its media id (decision 0207).
        boolean hasMedia = hasAttachment || mediaId != null && !mediaId.isBlank();
        if (hasMedia) {
            return asked == ChannelChoice.RCS || mode == RcsMode.ALWAYS ? Channel.RCS_RICH : plain;
        }
        if (!hasAttachment && fitsRcsBasic(renderedText)) {
            return Channel.RCS_BASIC;
        }
        return plain;
    }

    public static boolean fitsRcsBasic(String text) {
        return !text.isEmpty() && text.getBytes(StandardCharsets.UTF_8).length <= RCS_BASIC_MAX_BYTES;
    }

    public static boolean isRcs(Channel channel) {
        return channel == Channel.RCS_BASIC || channel == Channel.RCS_RICH;
    }
}
