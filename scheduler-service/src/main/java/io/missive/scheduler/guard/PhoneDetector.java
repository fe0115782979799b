package io.missive.scheduler.guard;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import io.missive.schemas.phones.PhoneNumbers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds phone numbers with libphonenumber ({@link PhoneNumberUtil#findNumbers}, region FR, valid numbers only:
 * national and international forms, spaced, dotted, with {@code (0)}), and the French short numbers it does not know:
 * {@code 118 XYZ} (directory enquiries, always premium), and {@code 10XY} / {@code 3BPQ} when the text asks to call
 * or dial them ({@code appelez le 3949}) — alone, four digits are a year, a price or a count. Dates and ISBNs are not
 * numbers; a token's value is exempt by its span. A number's value is E.164, a short number's its digits.
 * <p>
 * The library is slow (a fraction of a millisecond a call), so it only sees the runs of phone characters with at
 * least seven digits outside the exempt spans, and each run once: the same number in every message of a campaign
 * costs one call. One instance per inspector (not thread-safe).
 */
final class PhoneDetector {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Pattern DIRECTORY_ENQUIRIES = Pattern.compile(
            "(?<![\\w+.,])118[ .]?\\d{3}(?![\\w,]|[ .]\\d|\\s?(?:€|%|eur|rue|av|bd|boulevard|place|all[ée]e|chemin|impasse|route))",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SHORT_NUMBER = Pattern.compile(
            "(?<![\\w+.,/-])(?:10\\d{2}|3\\d{3})(?![\\w,./:-]|\\s?(?:€|%|eur|euros?\\b|ans?\\b|km\\b|kg\\b|m\\b))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CALL_CONTEXT = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(?:(?:r|re)?appel\\w*|compos\\w*|tap\\w*|joind\\w*|(?:re)?contact\\w*|t[ée]l[ée]phon\\w*|t[ée]l|num[ée]ro|n°|☎️?|📞)[^\\d\\n]{0,15}$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ISBN = Pattern.compile("isbn[^\\d]{0,6}$", Pattern.CASE_INSENSITIVE);
    private static final int CACHE_SIZE = 4096;

    private record Found(int start, int end, String value) {
    }

    /** Run (with one character of context each side) → the numbers in it, offsets relative to the run. */
    private final Map<String, List<Found>> seen = new HashMap<>();

    void find(String text, Spans exempt, List<Finding> out) {
        int n = text.length();
        boolean fourDigits = false;
        int i = 0;
        while (i < n) {
            if (!isDigit(text.charAt(i)) && text.charAt(i) != '+') {
                i++;
                continue;
            }
            // a run of phone characters from here; count its digits and its longest bare digit sequence
            int start = i;
            int end = i;
            int digits = 0;
            int bare = 0;
            for (int j = i; j < n && isPhoneChar(text.charAt(j)); j++) {
                if (isDigit(text.charAt(j))) {
                    digits++;
                    bare++;
                    end = j + 1;
                    if (bare == 4 && (j + 1 >= n || !isDigit(text.charAt(j + 1)))) {
                        // 10XY or 3BPQ only: a year (2026) or most prices never need the regular expression
                        char first = text.charAt(j - 3);
                        fourDigits |= first == '3' || (first == '1' && text.charAt(j - 2) == '0');
                    }
                } else {
                    bare = 0;
                }
                i = j + 1;
            }
            if (i == start) {
                i++;
            }
            if (digits >= 7 && !exempt.covers(start, end)) {
                numbersIn(text, start, end, exempt, out);
            }
        }
        if (text.indexOf("118") >= 0) {
            var enquiries = DIRECTORY_ENQUIRIES.matcher(text);
            while (enquiries.find()) {
                if (!exempt.overlaps(enquiries.start(), enquiries.end())) {
                    out.add(new Finding(GuardCheck.PHONE, enquiries.group().replaceAll("\\D", "")));
                }
            }
        }
        if (fourDigits) {
            var shortNumbers = SHORT_NUMBER.matcher(text);
            while (shortNumbers.find()) {
                int from = shortNumbers.start();
                // The context is the person's text: it stops at Missive's own values (a link code may spell "tel").
                int contextFrom = Math.max(Math.max(0, from - 40), exempt.lastEndAtOrBefore(from));
                if (exempt.overlaps(from, shortNumbers.end()) || !CALL_CONTEXT.matcher(text.substring(contextFrom, from)).find()) {
                    continue;
                }
                out.add(new Finding(GuardCheck.PHONE, shortNumbers.group()));
            }
        }
    }

    private void numbersIn(String text, int start, int end, Spans exempt, List<Finding> out) {
        int from = Math.max(0, start - 1);
        var run = text.substring(from, Math.min(text.length(), end + 1));
        var found = seen.get(run);
        if (found == null) {
            found = new ArrayList<>(1);
            for (var match : PHONES.findNumbers(run, "FR", Leniency.VALID, Long.MAX_VALUE)) {
                // Written as the one normaliser writes it (overseas departments under their own code), as the lists are.
                var e164 = PhoneNumbers.toE164(match.rawString()).orElseGet(() -> PHONES.format(match.number(), PhoneNumberFormat.E164));
                found.add(new Found(match.start(), match.end(), e164));
            }
            if (seen.size() >= CACHE_SIZE) {
                seen.clear();
            }
            seen.put(run, found.isEmpty() ? List.of() : found);
        }
        for (var number : found) {
            int at = from + number.start();
            if (exempt.overlaps(at, from + number.end()) || isIsbn(text, at)) {
                continue;
            }
            out.add(new Finding(GuardCheck.PHONE, number.value()));
        }
    }

    private static boolean isIsbn(String text, int at) {
        int from = Math.max(0, at - 12);
        for (int i = from; i + 4 <= at; i++) {
            if (text.regionMatches(true, i, "isbn", 0, 4)) {
                return ISBN.matcher(text.substring(from, at)).find();
            }
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** What a phone number is written with: digits, spaces, dots, dashes, brackets, plus, slashes (dates, for the library to refuse). */
    private static boolean isPhoneChar(char c) {
        return isDigit(c) || c == ' ' || c == '.' || c == '-' || c == '(' || c == ')' || c == '+' || c == '\u00A0' || c == '/';
    }

    /** An allow- or block-list phone as the guard compares it (the one normaliser's E.164, or a short number's digits); null when not a number. */
    static @Nullable String normalise(String value) {
        var digits = value.replaceAll("[\\s.\\-()]", "");
        if (digits.matches("\\d{4}|118\\d{3}")) {
            return digits;
        }
        return PhoneNumbers.toE164(value).orElse(null);
    }
}
