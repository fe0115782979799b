package io.missive.schemas;

import static io.missive.schemas.channels.ChannelRule.choose;
import static org.assertj.core.api.Assertions.assertThat;

import io.missive.events.Channel;
import io.missive.events.ChannelChoice;
import io.missive.schemas.channels.ChannelRule;
import io.missive.schemas.channels.RcsMode;
import org.junit.jupiter.api.Test;

class ChannelRuleUnitTest {

    private static final String SHORT = "Bonjour, l'atelier est demain à 10h.";

    @Test
    void shortTextWithoutMediaGoesAsRcsBasic() {
        assertThat(choose(RcsMode.SHORT_AS_BASIC, ChannelChoice.AUTO, false, null, SHORT)).isEqualTo(Channel.RCS_BASIC);
        assertThat(choose(RcsMode.SHORT_AS_BASIC, ChannelChoice.RCS, false, null, SHORT)).isEqualTo(Channel.RCS_BASIC);
    }

    @Test
    void sixtyBytesOfAccentsCountTwiceAndTheEuroThrice() {
        assertThat(ChannelRule.fitsRcsBasic("a".repeat(160))).isTrue();
        assertThat(ChannelRule.fitsRcsBasic("a".repeat(161))).isFalse();
        assertThat(ChannelRule.fitsRcsBasic("é".repeat(80))).as("80 characters, 160 bytes").isTrue();
        assertThat(ChannelRule.fitsRcsBasic("é".repeat(81))).as("81 characters, 162 bytes").isFalse();
        assertThat(ChannelRule.fitsRcsBasic("a".repeat(158) + "€")).as("159 characters, 161 bytes").isFalse();
        assertThat(choose(RcsMode.ALWAYS, ChannelChoice.AUTO, false, null, "é".repeat(81))).isEqualTo(Channel.SMS);
    }

    @Test
    void aMediaGoesRichOnlyWhenRcsIsAskedOrAlways() {
        assertThat(choose(RcsMode.SHORT_AS_BASIC, ChannelChoice.RCS, false, "media-1", SHORT)).isEqualTo(Channel.RCS_RICH);
        assertThat(choose(RcsMode.SHORT_AS_BASIC, ChannelChoice.AUTO, false, "media-1", SHORT)).isEqualTo(Channel.SMS);
        assertThat(choose(RcsMode.SHORT_AS_BASIC, ChannelChoice.AUTO, true, "media-1", SHORT)).isEqualTo(Channel.MMS);
        assertThat(choose(RcsMode.ALWAYS, ChannelChoice.AUTO, false, "media-1", SHORT)).isEqualTo(Channel.RCS_RICH);
    }

    @Test
    void offOrSmsAskedNeverSendsRcs() {
        assertThat(choose(RcsMode.OFF, ChannelChoice.RCS, false, "media-1", SHORT)).isEqualTo(Channel.SMS);
        assertThat(choose(RcsMode.OFF, ChannelChoice.AUTO, true, null, SHORT)).isEqualTo(Channel.MMS);
        assertThat(choose(RcsMode.ALWAYS, ChannelChoice.SMS, false, null, SHORT)).isEqualTo(Channel.SMS);
    }

    @Test
    void anAttachmentIsAMediaOnceUploadedSoItGoesRichWhenRcsIsAskedAndMmsOtherwise() {
        assertThat(choose(RcsMode.SHORT_AS_BASIC, ChannelChoice.RCS, true, null, SHORT)).isEqualTo(Channel.RCS_RICH);
        assertThat(choose(RcsMode.ALWAYS, ChannelChoice.AUTO, true, null, SHORT)).isEqualTo(Channel.RCS_RICH);
        assertThat(choose(RcsMode.SHORT_AS_BASIC, ChannelChoice.AUTO, true, null, SHORT)).isEqualTo(Channel.MMS);
        assertThat(choose(RcsMode.ALWAYS, ChannelChoice.SMS, true, null, SHORT)).isEqualTo(Channel.MMS);
    }
}
