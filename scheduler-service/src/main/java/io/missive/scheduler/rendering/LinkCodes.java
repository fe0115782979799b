package io.missive.scheduler.rendering;

import java.security.SecureRandom;

/** Tracked-link codes: 8 random base62 characters, so a link stays short in an SMS and cannot be guessed. */
public final class LinkCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private LinkCodes() {
    }

    public static String mint() {
        var code = new char[8];
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }
}
