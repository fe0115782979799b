package io.missive.scheduler.rendering;

import org.jspecify.annotations.Nullable;

/**
 * How a body travels: its encoding, its length in that encoding's units (GSM-7 septets, UCS-2
 * code units) and the number of SMS parts it takes.
 */
public record SegmentCount(Encoding encoding, int units, int segments) {

    public enum Encoding { GSM7, UCS2 }

    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** Characters of the GSM 03.38 extension table: each costs an escape septet plus itself. */
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    /** Septets per character: 0 = not GSM-7, 1 = basic table, 2 = extension table (escape + character). */
    private static final byte[] SEPTETS = new byte[0x2100];

    static {
        GSM_BASIC.chars().forEach(c -> SEPTETS[c] = 1);
        GSM_EXTENSION.chars().forEach(c -> SEPTETS[c] = 2);
    }

    private static int septets(char c) {
        return c < SEPTETS.length ? SEPTETS[c] : 0;
    }

    /** Counts exactly: an escape pair or a surrogate pair is never split across two parts. */
    public static SegmentCount of(String body) {
        return isGsm7(body) ? gsm7(body) : ucs2(body);
    }

    /**
     * The first character of {@code body} outside the GSM-7 tables (the one that forces UCS-2, which halves
     * a part's length), or null when the body is GSM-7 throughout. A surrogate pair is returned whole.
     */
    public static @Nullable String firstNonGsm7(String body) {
        for (int i = 0; i < body.length(); i++) {
            if (septets(body.charAt(i)) == 0) {
                return new String(Character.toChars(body.codePointAt(i)));
            }
        }
        return null;
    }

    static boolean isGsm7(String body) {
        for (int i = 0; i < body.length(); i++) {
            if (septets(body.charAt(i)) == 0) {
                return false;
            }
        }
        return true;
    }

    private static SegmentCount gsm7(String body) {
        int septets = 0;
        for (int i = 0; i < body.length(); i++) {
            septets += septets(body.charAt(i));
        }
        if (septets <= 160) {
            return new SegmentCount(Encoding.GSM7, septets, 1);
        }
        int segments = 1;
        int used = 0;
        for (int i = 0; i < body.length(); i++) {
            int cost = septets(body.charAt(i));
            if (used + cost > 153) {
                segments++;
                used = 0;
            }
            used += cost;
        }
        return new SegmentCount(Encoding.GSM7, septets, segments);
    }

    private static SegmentCount ucs2(String body) {
        int units = body.length();
        if (units <= 70) {
            return new SegmentCount(Encoding.UCS2, units, 1);
        }
        int segments = 1;
        int used = 0;
        for (int i = 0; i < body.length(); i++) {
            int cost = Character.isHighSurrogate(body.charAt(i)) && i + 1 < body.length() ? 2 : 1;
            if (used + cost > 67) {
                segments++;
                used = 0;
            }
            used += cost;
            i += cost - 1;
        }
        return new SegmentCount(Encoding.UCS2, units, segments);
    }
}
