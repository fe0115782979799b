package io.missive.schemas.text;

/**
 * Aircall's 1,600-character limit, counted one way everywhere (scheduler at acceptance, dispatcher before
 * the call): in UTF-16 code units, so an emoji outside the BMP counts 2 and an accented letter 1.
 * Aircall does not document its unit; UTF-16 units are never fewer than code points, so a body this accepts
 * is accepted whichever of the two Aircall counts (decision 0016).
 */
public final class AircallBodyLength {

    public static final int MAX = 1600;

    private AircallBodyLength() {
    }

    public static int of(String body) {
        return body.length();
    }

    public static boolean fits(String body) {
        return of(body) <= MAX;
    }
}
