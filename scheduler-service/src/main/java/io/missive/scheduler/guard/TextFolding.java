package io.missive.scheduler.guard;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * Folds text so a block-listed word is found however it is dressed: lower case, no accents, look-alike letters
 * (Cyrillic, full-width) as Latin, digits and symbols used as letters inside a word ({@code V1agra}, {@code vi@gra}),
 * repeated letters once ({@code viiiagra}), and no separators at all ({@code v i a g r a}, {@code via-gra}).
 * What keeps words apart is not a space but two marks per folded character: it starts a word of the original
 * text, it ends one. A match must start and end on those marks, so {@code via gratuit} does not hide {@code viagra}.
 * One instance folds one text after another into the same buffers (not thread-safe): no allocation per message.
 */
final class TextFolding {

    static final byte STARTS = 1;
    static final byte ENDS = 2;

    /** Folded form of the first 0x250 code points (Latin-1, Latin Extended-A and -B); '\0' when not a letter. */
    private static final String[] TABLE = new String[0x250];

    static {
        for (char c = 0; c < TABLE.length; c++) {
            if (Character.isLetterOrDigit(c)) {
                var base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
                TABLE[c] = base.toLowerCase(java.util.Locale.ROOT);
            }
        }
        TABLE['ß'] = "ss";
        TABLE['æ'] = "ae";
        TABLE['Æ'] = "ae";
        TABLE['œ'] = "oe";
        TABLE['Œ'] = "oe";
        TABLE['ø'] = "o";
        TABLE['Ø'] = "o";
        TABLE['ł'] = "l";
        TABLE['Ł'] = "l";
        TABLE['đ'] = "d";
    }

    /** The same table where the folded form is one character ('\0' otherwise): the common path, no String. */
    private static final char[] SINGLE = new char[TABLE.length];

    static {
        for (int c = 0; c < TABLE.length; c++) {
            if (TABLE[c] != null && TABLE[c].length() == 1) {
                SINGLE[c] = TABLE[c].charAt(0);
            }
        }
    }

    private static final String[] DIGITS = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};

    /** Cyrillic and Greek letters that look like Latin ones, as those. */
    private static final String LOOK_ALIKES = "аaеeоoрpсcхxуyіiѕsјjкkмmнhтtвbАaЕeОoРpСcХxУyІiЅsЈjКkМmНhТtВbαaοoρpνvικ";

    char[] chars = new char[256];
    byte[] marks = new byte[256];
    /** Index in the original text of each folded character. */
    int[] origin = new int[256];
    int length;

    /** Folds {@code text}; read the result from {@link #chars}, {@link #marks} and {@link #origin} up to {@link #length}. */
    void fold(CharSequence text) {
        fold(text, null);
    }

    /** Folds {@code text}, skipping the {@code exempt} spans (Missive's own values: nothing there is judged). */
    void fold(CharSequence text, @org.jspecify.annotations.Nullable Spans exempt) {
        length = 0;
        int n = text.length();
        ensure(n * 2 + 2);
        boolean skipping = exempt != null && !exempt.isEmpty();
        int i = 0;
        while (i < n) {
            if (skipping) {
                int end = exempt.endOfSpanAt(i);
                if (end > i) {
                    i = end;
                    continue;
                }
            }
            // a word: the longest run of word characters
            int start = i;
            boolean letters = false;
            while (i < n && isWordChar(text, i)) {
                char c = text.charAt(i);
                if (c < SINGLE.length ? SINGLE[c] != 0 && !(c >= '0' && c <= '9') || Character.isLetter(c) : Character.isLetter(c)) {
                    letters = true;
                }
                i++;
            }
            if (i > start) {
                emitWord(text, start, i, letters);
            } else {
                i++;
            }
        }
    }

    private void emitWord(CharSequence text, int from, int to, boolean hasLetters) {
        boolean first = true;
        int lastIndex = -1;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < SINGLE.length && SINGLE[c] != 0 && !(c >= '0' && c <= '9')) {
                // the common path: a Latin letter folding to one letter
                char f = SINGLE[c];
                if (length > 0 && chars[length - 1] == f) {
                    marks[length - 1] |= first ? STARTS : 0;
                    lastIndex = length - 1;
                } else {
                    chars[length] = f;
                    marks[length] = first ? STARTS : 0;
                    origin[length] = i;
                    lastIndex = length;
                    length++;
                }
                first = false;
                continue;
            }
            String folded;
            if (c >= '0' && c <= '9') {
                folded = hasLetters ? leet(c) : DIGITS[c - '0'];
            } else if (!Character.isLetter(c)) {
                folded = hasLetters ? leet(c) : "";
            } else if (c < TABLE.length) {
                folded = TABLE[c];
            } else {
                int alike = LOOK_ALIKES.indexOf(c);
                if (alike >= 0 && alike % 2 == 0) {
                    folded = String.valueOf(LOOK_ALIKES.charAt(alike + 1));
                } else if (c >= '\uFF21' && c <= '\uFF5A') {
                    folded = String.valueOf(Character.toLowerCase((char) (c - 0xFEE0)));
                } else {
                    folded = String.valueOf(Character.toLowerCase(c));
                }
            }
            if (folded == null) {
                continue;
            }
            for (int k = 0; k < folded.length(); k++) {
                char f = folded.charAt(k);
                byte mark = first ? STARTS : 0;
                if (length > 0 && chars[length - 1] == f) {
                    // a repeated letter counts once; its word boundary moves onto the one kept
                    marks[length - 1] |= mark;
                    lastIndex = length - 1;
                } else {
                    chars[length] = f;
                    marks[length] = mark;
                    origin[length] = i;
                    lastIndex = length;
                    length++;
                }
                first = false;
            }
        }
        if (lastIndex >= 0) {
            marks[lastIndex] |= ENDS;
        }
    }

    /** Letters, digits, and the symbols that stand for letters when inside a word ({@code vi@gra}, {@code v!agra}). */
    private static boolean isWordChar(CharSequence text, int i) {
        char c = text.charAt(i);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            return true;
        }
        if (c == ' ' || c == '.' || c == ',') {
            return false;
        }
        if (Character.isLetterOrDigit(c)) {
            return true;
        }
        if (c == '@' || c == '$' || c == '€' || c == '!' || c == '|') {
            return i > 0 && i + 1 < text.length() && Character.isLetter(text.charAt(i - 1)) && Character.isLetterOrDigit(text.charAt(i + 1));
        }
        return false;
    }

    private static String leet(char c) {
        return switch (c) {
            case '0' -> "o";
            case '1', '!', '|' -> "i";
            case '3', '€' -> "e";
            case '4', '@' -> "a";
            case '5', '$' -> "s";
            case '7' -> "t";
            case '8' -> "b";
            case '2' -> "2";
            case '6' -> "6";
            case '9' -> "9";
            default -> "";
        };
    }

    private void ensure(int capacity) {
        if (chars.length < capacity) {
            chars = Arrays.copyOf(chars, capacity);
            marks = Arrays.copyOf(marks, capacity);
            origin = Arrays.copyOf(origin, capacity);
        }
    }

    /** The folded form of a keyword or phrase, without its marks. */
    static String folded(String text) {
        var folding = new TextFolding();
        folding.fold(text);
        return new String(folding.chars, 0, folding.length);
    }
}
