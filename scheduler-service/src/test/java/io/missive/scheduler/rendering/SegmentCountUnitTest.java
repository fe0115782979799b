package io.missive.scheduler.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.scheduler.rendering.SegmentCount.Encoding;
import org.junit.jupiter.api.Test;

class SegmentCountUnitTest {

    @Test
    void theFirstCharacterOutsideGsm7IsTheOneThatForcesUcs2() {
        assertThat(SegmentCount.firstNonGsm7("Léa a vu sa vidéo {}€")).isNull();
        assertThat(SegmentCount.firstNonGsm7("Bonne journée ! Ça va ? ê")).isEqualTo("ê");
        assertThat(SegmentCount.firstNonGsm7("Bravo 😀 et ô")).isEqualTo("😀");
    }

    @Test
    void plainGsm7UpTo160IsOnePart() {
        assertThat(SegmentCount.of("a".repeat(160))).isEqualTo(new SegmentCount(Encoding.GSM7, 160, 1));
        assertThat(SegmentCount.of("a".repeat(161))).isEqualTo(new SegmentCount(Encoding.GSM7, 161, 2));
        assertThat(SegmentCount.of("a".repeat(306)).segments()).isEqualTo(2);
        assertThat(SegmentCount.of("a".repeat(307)).segments()).isEqualTo(3);
    }

    @Test
    void frenchAccentsOfTheGsmTableStayGsm7() {
        var count = SegmentCount.of("Léa a vu sa vidéo à l'école, où ça ? è ù ì ò É Ç");
        assertThat(count.encoding()).isEqualTo(Encoding.UCS2); // lower-case ç is not in GSM 03.38
        assertThat(SegmentCount.of("Léa a vu sa vidéo à l'école, où ? è ù ì ò É Ç").encoding()).isEqualTo(Encoding.GSM7);
    }

    @Test
    void extensionCharactersCostTwoSeptets() {
        assertThat(SegmentCount.of("€")).isEqualTo(new SegmentCount(Encoding.GSM7, 2, 1));
        assertThat(SegmentCount.of("a".repeat(158) + "€")).isEqualTo(new SegmentCount(Encoding.GSM7, 160, 1));
        assertThat(SegmentCount.of("a".repeat(159) + "€")).isEqualTo(new SegmentCount(Encoding.GSM7, 161, 2));
        assertThat(SegmentCount.of("{}[]~|^\\").units()).isEqualTo(16);
    }

    @Test
    void anEscapePairIsNeverSplitAcrossParts() {
        // 152 septets then '€' (2): it does not fit in part one's 153, so it moves whole to part two.
        var body = "a".repeat(152) + "€" + "a".repeat(152);
        assertThat(SegmentCount.of(body)).isEqualTo(new SegmentCount(Encoding.GSM7, 306, 3));
        assertThat(SegmentCount.of("a".repeat(151) + "€" + "a".repeat(153))).isEqualTo(new SegmentCount(Encoding.GSM7, 306, 2));
    }

    @Test
    void cedillaOeAndEmojiNeedUcs2() {
        assertThat(SegmentCount.of("ça").encoding()).isEqualTo(Encoding.UCS2);
        assertThat(SegmentCount.of("cœur").encoding()).isEqualTo(Encoding.UCS2);
        assertThat(SegmentCount.of("Bravo 👏")).isEqualTo(new SegmentCount(Encoding.UCS2, 8, 1));
        assertThat(SegmentCount.of("œ".repeat(70))).isEqualTo(new SegmentCount(Encoding.UCS2, 70, 1));
        assertThat(SegmentCount.of("œ".repeat(71))).isEqualTo(new SegmentCount(Encoding.UCS2, 71, 2));
        assertThat(SegmentCount.of("œ".repeat(134)).segments()).isEqualTo(2);
        assertThat(SegmentCount.of("œ".repeat(135)).segments()).isEqualTo(3);
    }

    @Test
    void anEmojiIsNeverSplitAcrossParts() {
        // 66 units then a surrogate pair: it does not fit in part one's 67, so it moves whole to part two.
        assertThat(SegmentCount.of("œ".repeat(66) + "👏" + "œ".repeat(66))).isEqualTo(new SegmentCount(Encoding.UCS2, 134, 3));
        assertThat(SegmentCount.of("œ".repeat(65) + "👏" + "œ".repeat(67))).isEqualTo(new SegmentCount(Encoding.UCS2, 134, 2));
    }
}
