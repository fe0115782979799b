package io.missive.schemas.phones;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhoneHashUnitTest {

    /** Metropolitan mobiles, overseas departments (mobile, landline), a foreign mobile, as the normaliser writes them. */
    private static final List<String> WRITTEN = List.of("06 12 34 56 78", "+33612345678", "0033 6 12 34 56 78", "0692 12 34 56",
            "+33 692 12 34 56", "0262 16 12 34", "0690 00 12 34", "+44 7911 123456");

    @Test
    void aNormalisedPhoneHashesAsTheRawSpellingDoesWithoutBeingParsedAgain() {
        for (var written : WRITTEN) {
            var e164 = PhoneNumbers.toE164(written).orElseThrow();
            assertThat(PhoneNumbers.toE164(e164)).as(written).contains(e164);
            assertThat(PhoneHash.ofE164(e164)).as(written).isEqualTo(PhoneHash.of(written)).isEqualTo(PhoneHash.of(e164));
        }
    }
}
