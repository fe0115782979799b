package io.missive.gateway.phones;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersUnitTest {

    @ParameterizedTest
    @CsvSource({
            "0612345678, +33612345678",
            "06 12 34 56 78, +33612345678",
            "06.12.34.56.78, +33612345678",
            "33612345678, +33612345678",
            "0033612345678, +33612345678",
            "+33612345678, +33612345678",
            "+33 (0)6 12 34 56 78, +33612345678",
            "+330612345678, +33612345678",
            "+32470123456, +32470123456",
            "0170000000, +33170000000"})
    void normalisesWhatProvidersSendToE164AsTheDispatchersWriteIt(String raw, String e164) {
        assertThat(PhoneNumbers.toE164(raw)).hasValue(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "anonymous", "12", "061234567", "06123456789", "+0612345678", "++33612345678",
            "0612345678; drop table", "+3361234567890123456"})
    void refusesWhatIsNotAPhoneNumber(String raw) {
        assertThat(PhoneNumbers.toE164(raw)).isEmpty();
    }
}
