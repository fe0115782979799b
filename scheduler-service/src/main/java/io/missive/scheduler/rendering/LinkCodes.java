package io.missive.scheduler.rendering;

import java.security.SecureRandom;

/** Tracked-link codes: 8 random base62 characters, so a link stays short in an SMS and cannot be guessed. */
public final class LinkCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private LinkCodes() {
    }

    /** One 63-bit draw gives the 8 base62 digits (62^8 < 2^63; the modulo bias is under 1 in 40,000). */
    public static String mint() {
        long draw = RANDOM.nextLong() >>> 1;
        var code = new char[8];
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET.charAt((int) (draw % ALPHABET.length()));
            draw /= ALPHABET.length();
        }
        return new String(code);
    }
}
