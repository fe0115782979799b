package io.missive.spothit.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SafeguardUnitTest {

    @Test
    void comparesNumbersInE164HoweverTheListWritesThem() {
        var safeguard = Safeguard.of(true, List.of("06 12 34 56 78", " 0033 6 98 76 54 32", "", "not a phone"));

        assertThat(safeguard.allows("+33612345678")).isTrue();
        assertThat(safeguard.allows("+33698765432")).isTrue();
        assertThat(safeguard.allows("+33611111111")).isFalse();
        assertThat(safeguard.allows("not a phone")).isTrue();
    }

    @Test
    void letsEveryNumberThroughWhenOff() {
        assertThat(Safeguard.of(false, List.of()).allows("+33611111111")).isTrue();
    }
}
