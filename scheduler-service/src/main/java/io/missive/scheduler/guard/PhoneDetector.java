package io.missive.scheduler.guard;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds phone numbers with libphonenumber ({@link PhoneNumberUtil#findNumbers}, region FR, valid numbers only:
 * national and international forms, spaced, dotted, with {@code (0)}), and the French short numbers it does not know:
 * {@code 118 XYZ} (directory enquiries, always premium), and {@code 10XY} / {@code 3BPQ} when the text asks to call
 * or dial them ({@code appelez le 3949}) — alone, four digits are a year, a price or a count. Dates and ISBNs are not
 * numbers; a token's value is exempt by its span. A number's value is E.164, a short number's its digits.
 * The library is skipped when the text has fewer than seven digits in a row of phone characters: most messages.
 */
final class PhoneDetector {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern DIRECTORY_ENQUIRIES = Pattern.compile("(?<![\\d+.,])118[ .]?\\d{3}(?![\\d,]|[ .]\\d|\\s?(?:€|%|eur))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SHORT_NUMBER = Pattern.compile(
            "(?<![\\d+.,/-])(?:10\\d{2}|3\\d{3})(?![\\d,./:h-]|\\s?(?:€|%|eur|euros?\\b|ans?\\b|km\\b|kg\\b|m\\b))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CALL_CONTEXT = Pattern.compile(
            "(?:appel\\w*|compos\\w*|tap\\w*|joind\\w*|contact\\w*|t[ée]l[ée]phon\\w*|t[ée]l|num[ée]ro|n°|☎️?|📞)[^\\d\\n]{0,15}$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ISBN = Pattern.compile("isbn[^\\d]{0,6}$", Pattern.CASE_INSENSITIVE);

    void find(String text, Spans exempt, List<Finding> out) {
        int digits = longestPhoneRun(text);
        if (digits < 4) {
            return;
        }
        if (digits >= 7) {
            for (var match : PHONES.findNumbers(text, "FR", Leniency.VALID, Long.MAX_VALUE)) {
                int from = match.start();
                int to = match.end();
                if (exempt.overlaps(from, to) || ISBN.matcher(text.substring(Math.max(0, from - 12), from)).find()) {
                    continue;
                }
                out.add(new Finding(GuardCheck.PHONE, PHONES.format(match.number(), PhoneNumberFormat.E164)));
            }
        }
        var enquiries = DIRECTORY_ENQUIRIES.matcher(text);
        while (enquiries.find()) {
            if (!exempt.overlaps(enquiries.start(), enquiries.end())) {
                out.add(new Finding(GuardCheck.PHONE, enquiries.group().replaceAll("\\D", "")));
            }
        }
        var shortNumbers = SHORT_NUMBER.matcher(text);
        while (shortNumbers.find()) {
            int from = shortNumbers.start();
            if (exempt.overlaps(from, shortNumbers.end())
                    || !CALL_CONTEXT.matcher(text.substring(Math.max(0, from - 40), from)).find()) {
                continue;
            }
            out.add(new Finding(GuardCheck.PHONE, shortNumbers.group()));
        }
    }

    /** The most digits in one run of characters a phone number is written with (digits, spaces, dots, dashes, brackets, +). */
    private static int longestPhoneRun(String text) {
        int best = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                run++;
                best = Math.max(best, run);
            } else if (c != ' ' && c != '.' && c != '-' && c != '(' && c != ')' && c != '+' && c != '\u00A0' && c != '/') {
                run = 0;
            }
        }
        return best;
    }

    /** An allow- or block-list phone as the guard compares it: E.164, or a short number's digits; null when not a number. */
    static @org.jspecify.annotations.Nullable String normalise(String value) {
        var digits = value.replaceAll("[\\s.\\-()]", "");
        if (digits.matches("\\d{4}|118\\d{3}")) {
            return digits;
        }
        try {
            var number = PHONES.parse(value, "FR");
            return PHONES.isValidNumber(number) ? PHONES.format(number, PhoneNumberFormat.E164) : null;
        } catch (com.google.i18n.phonenumbers.NumberParseException e) {
            return null;
        }
    }
}
