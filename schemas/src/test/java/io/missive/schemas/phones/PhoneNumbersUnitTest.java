package io.missive.schemas.phones;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.schemas.phones.PhoneNumber.Reason;
import io.missive.schemas.phones.PhoneNumber.Rejected;
import io.missive.schemas.phones.PhoneNumber.Valid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersUnitTest {

    @ParameterizedTest
    @ValueSource(strings = {"0612345678", "06 12 34 56 78", "06.12.34.56.78", "06-12-34-56-78", "06/12/34/56/78",
            "+33612345678", "+33 6 12 34 56 78", "+33 (0)6 12 34 56 78", "+330612345678", "0033612345678",
            "0033 6 12 34 56 78", "33612345678", "  06 12 34 56 78  ",
            "06\u00a012\u00a034\u00a056\u00a078", "06\u202f12\u202f34\u202f56\u202f78", "+33\u00a06\u00a012\u00a034\u00a056\u00a078",
            "06\t12 34 56 78"})
    void aFrenchMobileInEveryUsualSpellingIsOneE164(String written) {
        assertThat(PhoneNumbers.parse(written)).isEqualTo(new Valid("+33612345678"));
    }

    @ParameterizedTest
    @CsvSource({
            "01 70 00 00 00, +33170000000",
            "0170000000, +33170000000",
            "04.72.00.00.00, +33472000000",
            "+33 (0)1 76 54 32 10, +33176543210",
            "07 58 12 34 56, +33758123456",
            "09 12 34 56 78, +33912345678",
            "0800 12 34 56, +33800123456"})
    void frenchLandlinesMobilesInSevenAndFreephonesAreKept(String written, String e164) {
        assertThat(PhoneNumbers.toE164(written)).hasValue(e164);
    }

    /**
     * A French programme writes overseas numbers the way they are dialled in France (0692…, 0590…):
     * they belong to the territory's country code, whether written nationally or mistakenly after +33.
     */
    @ParameterizedTest
    @CsvSource({
            "0692 12 34 56, +262692123456",
            "0693 12 34 56, +262693123456",
            "0262 16 12 34, +262262161234",
            "+33 692 12 34 56, +262692123456",
            "+262 692 12 34 56, +262692123456",
            "00262 692 12 34 56, +262692123456",
            "0639 01 23 45, +262639012345",
            "0269 60 12 34, +262269601234",
            "0690 00 12 34, +590690001234",
            "0590 20 12 34, +590590201234",
            "+590 690 00 12 34, +590690001234",
            "0696 20 12 34, +596696201234",
            "0596 30 12 34, +596596301234",
            "+33 596 30 12 34, +596596301234",
            "0694 20 12 34, +594694201234",
            "+594 594 10 12 34, +594594101234"})
    void overseasDepartmentsGetTheirOwnCountryCode(String written, String e164) {
        assertThat(PhoneNumbers.toE164(written)).hasValue(e164);
    }

    @ParameterizedTest
    @CsvSource({
            "+32 470 12 34 56, +32470123456",
            "+32470123456, +32470123456",
            "0032 470 12 34 56, +32470123456",
            "+44 7400 123456, +447400123456",
            "+1 (202) 555-0143, +12025550143",
            "+49 1512 3456789, +4915123456789",
            "+269 321 23 45, +2693212345"})
    void foreignNumbersWrittenInternationallyAreKept(String written, String e164) {
        assertThat(PhoneNumbers.toE164(written)).hasValue(e164);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\u00a0"})
    void nothingIsMissing(String written) {
        assertThat(PhoneNumbers.parse(written)).isEqualTo(new Rejected(Reason.MISSING));
    }

    @ParameterizedTest
    @CsvSource({
            "anonymous, NOT_A_PHONE_NUMBER",
            "not a phone, NOT_A_PHONE_NUMBER",
            "0612345678; drop table, NOT_A_PHONE_NUMBER",
            "++33612345678, NOT_A_PHONE_NUMBER",
            "1-800-FLOWERS, NOT_A_PHONE_NUMBER",
            "06 12 34 56 78 ext. 12, NOT_A_PHONE_NUMBER",
            "+0612345678, UNKNOWN_COUNTRY_CODE",
            "+999 612345678, UNKNOWN_COUNTRY_CODE",
            "12, TOO_SHORT",
            "0612, TOO_SHORT",
            "061234567, NOT_ASSIGNABLE",
            "+3361234567, TOO_SHORT",
            "06123456789, TOO_LONG",
            "+3361234567890123, TOO_LONG",
            "+3361234567890123456, TOO_LONG",
            "06 12 34 56 78 06 12 34 56 78 06 12 34, TOO_LONG",
            "0012345678, NOT_ASSIGNABLE"})
    void whatIsNotAPhoneNumberIsRejectedWithItsReason(String written, Reason reason) {
        assertThat(PhoneNumbers.parse(written)).isEqualTo(new Rejected(reason));
        assertThat(PhoneNumbers.toE164(written)).isEmpty();
    }

    @Test
    void aRejectionSaysWhyWithoutRepeatingTheNumber() {
        var rejected = (Rejected) PhoneNumbers.parse("0612");

        assertThat(rejected.message()).isEqualTo("the phone number is too short").doesNotContain("0612");
    }

    // Kept from the scheduler's and the gateway's own normalisers, which this one replaces.

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
            "+32 470 12 34 56, +32470123456",
            "0170000000, +33170000000"})
    void normalisesWhatProvidersAndDirectoriesSendToE164(String raw, String e164) {
        assertThat(PhoneNumbers.toE164(raw)).hasValue(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "anonymous", "not a phone", "12", "0612", "061234567", "06123456789", "+0612345678",
            "++33612345678", "+3361234567", "0612345678; drop table", "+3361234567890123456"})
    void refusesWhatIsNotAPhoneNumber(String raw) {
        assertThat(PhoneNumbers.toE164(raw)).isEmpty();
    }
}
