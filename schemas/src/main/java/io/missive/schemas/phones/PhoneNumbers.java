package io.missive.schemas.phones;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import io.missive.schemas.phones.PhoneNumber.Reason;
import io.missive.schemas.phones.PhoneNumber.Rejected;
import io.missive.schemas.phones.PhoneNumber.Valid;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The one phone normaliser of Missive: directory imports, commands, provider callbacks and the
 * dispatchers' safeguard all go through it, so a phone is written the same way everywhere it is
 * joined on (opt-outs, receipts). Built on Google's libphonenumber with France as the default region:
 * {@code 06 12 34 56 78}, {@code 0033 6…}, {@code +33 (0)6…} and {@code 33 6…} are all {@code +33612345678}.
 *
 * <p>France's overseas departments share its national plan (a {@code 0692…} is dialled from Paris as
 * written) but have their own country codes, which libphonenumber only finds given the right region:
 * a French number whose national part belongs to Réunion, Mayotte, Guadeloupe, Martinique or Guiana
 * becomes that territory's E.164 ({@code 0692 12 34 56} and {@code +33 692 12 34 56} are
 * {@code +262692123456}). See docs/decisions/0015-one-phone-number-library.md.
 */
public final class PhoneNumbers {

    private static final String DEFAULT_REGION = "FR";
    private static final int FRANCE = 33;
    /** Tried in order; Saint-Barthélemy and Saint-Martin share Guadeloupe's +590 and plan, Mayotte Réunion's +262. */
    private static final List<String> FRENCH_OVERSEAS = List.of("RE", "YT", "GP", "MQ", "GF");
    /** Longer than anyone writes a number, even spaced out: no need to hand it to the parser. */
    private static final int MAX_TEXT_LENGTH = 32;
    /** Every space, including the non-breaking ones spreadsheets and word processors put between pairs of digits. */
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");
    /**
     * What a written number may hold once spaces are gone: an optional single {@code +}, digits and the
     * usual separators. Narrower than libphonenumber, which reads letters as keypad digits ({@code 1-800-FLOWERS})
     * and repeated {@code +}: neither is a phone number in a French directory.
     */
    private static final Pattern WRITTEN = Pattern.compile("\\+?[0-9.\\-()/]*[0-9][0-9.\\-()/]*");
    /** {@code 0612345678} or {@code +33612345678}: the national significant number is the 9 digits. */
    private static final Pattern FRENCH_DIGITS = Pattern.compile("(?:\\+33|0)([1-9]\\d{8})");
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final List<Territory> OVERSEAS = FRENCH_OVERSEAS.stream().map(Territory::of).toList();
    /** Every overseas range at once: most French numbers are metropolitan and stop at this one match. */
    private static final Pattern ANY_OVERSEAS = Pattern.compile(
            OVERSEAS.stream().map(territory -> "(?:" + territory.ranges().pattern() + ")").collect(Collectors.joining("|")));

    private PhoneNumbers() {
    }

    /** The number in E.164, or why there is none. */
    public static PhoneNumber parse(@Nullable String text) {
        var compact = text == null ? "" : SPACES.matcher(text).replaceAll("");
        if (compact.isEmpty()) {
            return new Rejected(Reason.MISSING);
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            return new Rejected(Reason.TOO_LONG);
        }
        if (!WRITTEN.matcher(compact).matches()) {
            return new Rejected(Reason.NOT_A_PHONE_NUMBER);
        }
        Phonenumber.PhoneNumber number;
        var french = FRENCH_DIGITS.matcher(compact);
        try {
            // The spellings of nearly every number of a French directory skip the parser (most of the cost);
            // whether the number is valid is still libphonenumber's verdict.
            number = french.matches()
                    ? new Phonenumber.PhoneNumber().setCountryCode(FRANCE).setNationalNumber(Long.parseLong(french.group(1)))
                    : UTIL.parse(compact, DEFAULT_REGION);
        } catch (NumberParseException e) {
            return new Rejected(switch (e.getErrorType()) {
                case INVALID_COUNTRY_CODE -> Reason.UNKNOWN_COUNTRY_CODE;
                case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> Reason.TOO_SHORT;
                case TOO_LONG -> Reason.TOO_LONG;
                case NOT_A_NUMBER -> Reason.NOT_A_PHONE_NUMBER;
            });
        }
        if (number.getCountryCode() == FRANCE) {
            var overseas = overseas(UTIL.getNationalSignificantNumber(number));
            if (overseas.isPresent()) {
                return new Valid(overseas.get());
            }
        }
        if (UTIL.isValidNumber(number)) {
            return new Valid(UTIL.format(number, PhoneNumberFormat.E164));
        }
        return new Rejected(switch (UTIL.isPossibleNumberWithReason(number)) {
            case TOO_SHORT -> Reason.TOO_SHORT;
            case TOO_LONG -> Reason.TOO_LONG;
            case INVALID_COUNTRY_CODE -> Reason.UNKNOWN_COUNTRY_CODE;
            case INVALID_LENGTH -> Reason.WRONG_LENGTH;
            case IS_POSSIBLE, IS_POSSIBLE_LOCAL_ONLY -> Reason.NOT_ASSIGNABLE;
        });
    }

    /** The E.164 form, or empty when the text is not a valid phone number. */
    public static Optional<String> toE164(@Nullable String text) {
        return parse(text) instanceof Valid valid ? Optional.of(valid.e164()) : Optional.empty();
    }

    /**
     * The overseas E.164 of a French national number in one of the territories' geographic or mobile
     * ranges. Only those: the territories also list France's shared non-geographic numbers (0800…),
     * which stay French. Their national significant numbers are written the same under +33 and under the
     * territory's code, so matching the territory's own patterns from libphonenumber's metadata is enough
     * (and far cheaper than parsing the text again per territory).
     */
    private static Optional<String> overseas(String nationalNumber) {
        if (!ANY_OVERSEAS.matcher(nationalNumber).matches()) {
            return Optional.empty();
        }
        for (var territory : OVERSEAS) {
            if (territory.ranges().matcher(nationalNumber).matches()) {
                return Optional.of("+" + territory.countryCode() + nationalNumber);
            }
        }
        return Optional.empty();
    }

    /** A territory's country code and its geographic and mobile ranges (national significant numbers). */
    private record Territory(int countryCode, Pattern ranges) {

        static Territory of(String region) {
            var metadata = DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource().getMetadataForRegion(region);
            return new Territory(metadata.getCountryCode(), Pattern.compile(
                    "(?:" + metadata.getFixedLine().getNationalNumberPattern() + ")|(?:" + metadata.getMobile().getNationalNumberPattern() + ")"));
        }
    }

}
