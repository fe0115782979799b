package io.missive.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.schemas.text.AircallBodyLength;
import org.junit.jupiter.api.Test;

class AircallBodyLengthUnitTest {

    @Test
    void anAccentedLetterCountsOne() {
        var body = "é".repeat(1600);

        assertThat(AircallBodyLength.of(body)).isEqualTo(1600);
        assertThat(AircallBodyLength.fits(body)).isTrue();
        assertThat(AircallBodyLength.fits(body + "à")).isFalse();
    }

    @Test
    void anEmojiOutsideTheBasicPlaneCountsTwo() {
        var body = "😀".repeat(800);

        assertThat(body.codePointCount(0, body.length())).isEqualTo(800);
        assertThat(AircallBodyLength.of(body)).isEqualTo(1600);
        assertThat(AircallBodyLength.fits(body)).isTrue();
        assertThat(AircallBodyLength.fits(body + "😀")).isFalse();
    }
}
