package io.missive.scheduler.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersUnitTest {

    @Test
    void frenchFormsBecomeE164() {
        assertThat(PhoneNumbers.normalise("06 12 34 56 78")).contains("+33612345678");
        assertThat(PhoneNumbers.normalise("06.12.34.56.78")).contains("+33612345678");
        assertThat(PhoneNumbers.normalise("0033612345678")).contains("+33612345678");
        assertThat(PhoneNumbers.normalise("33612345678")).contains("+33612345678");
        assertThat(PhoneNumbers.normalise("+33 (0)6 12 34 56 78")).contains("+33612345678");
        assertThat(PhoneNumbers.normalise("+33612345678")).contains("+33612345678");
    }

    @Test
    void otherE164NumbersAreKept() {
        assertThat(PhoneNumbers.normalise("+32 470 12 34 56")).contains("+32470123456");
    }

    @Test
    void badNumbersAreRejected() {
        assertThat(PhoneNumbers.normalise("0612")).isEmpty();
        assertThat(PhoneNumbers.normalise("+3361234567")).isEmpty();
        assertThat(PhoneNumbers.normalise("not a phone")).isEmpty();
        assertThat(PhoneNumbers.normalise("")).isEmpty();
        assertThat(PhoneNumbers.normalise(null)).isEmpty();
    }
}
