package io.missive.scheduler.resolution;

import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Phone numbers to E.164. French national numbers (06 12 34 56 78, 0033…, 33…, +33 0…) become {@code +33…}. */
public final class PhoneNumbers {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()/\u00a0]");
    private static final Pattern FRENCH_NATIONAL = Pattern.compile("0[1-9]\\d{8}");
    private static final Pattern FRENCH_E164 = Pattern.compile("\\+33[1-9]\\d{8}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");

    private PhoneNumbers() {
    }

    public static Optional<String> normalise(@Nullable String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        var phone = SEPARATORS.matcher(raw.strip()).replaceAll("");
        if (phone.startsWith("00")) {
            phone = "+" + phone.substring(2);
        }
        if (FRENCH_NATIONAL.matcher(phone).matches()) {
            phone = "+33" + phone.substring(1);
        } else if (phone.matches("33[1-9]\\d{8}")) {
            phone = "+" + phone;
        } else if (phone.matches("\\+330[1-9]\\d{8}")) {
            phone = "+33" + phone.substring(4);
        }
        if (phone.startsWith("+33")) {
            return FRENCH_E164.matcher(phone).matches() ? Optional.of(phone) : Optional.empty();
        }
        return E164.matcher(phone).matches() ? Optional.of(phone) : Optional.empty();
    }

    /** The digits of a phone {@link #normalise} returned, as a number: unique, since E.164 has at most 15 digits and no leading 0. */
    static long digits(String e164) {
        return Long.parseLong(e164, 1, e164.length(), 10);
    }
}
