package io.missive.gateway.phones;

import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Phone numbers as providers send them, normalised to E.164 the way the dispatchers write them on
 * their SENT events (French {@code 06…} → {@code +336…}), so the tracker can join receipts on them.
 */
public final class PhoneNumbers {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()/]");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");
    private static final Pattern FRENCH_NATIONAL = Pattern.compile("0[1-9]\\d{8}");
    private static final Pattern FRENCH_WITHOUT_PLUS = Pattern.compile("33[1-9]\\d{8}");

    private PhoneNumbers() {
    }

    /** The E.164 form, or empty when the text is not a phone number. */
    public static Optional<String> toE164(@Nullable String raw) {
        if (raw == null || raw.length() > 32) {
            return Optional.empty();
        }
        var compact = SEPARATORS.matcher(raw.strip()).replaceAll("");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        if (FRENCH_NATIONAL.matcher(compact).matches()) {
            return Optional.of("+33" + compact.substring(1));
        }
        if (FRENCH_WITHOUT_PLUS.matcher(compact).matches()) {
            return Optional.of("+" + compact);
        }
        if (compact.startsWith("+330") && compact.length() == 13) {
            // +33 followed by the national trunk 0: a common mistake in exported lists
            compact = "+33" + compact.substring(4);
        }
        return E164.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
    }
}
