package io.missive.schemas.phones;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What is left of a phone after its owner's erasure when it had opted out: a STOP must outlive the erasure, so the
 * opt-out is kept as {@code sha256:<hex>} of the E.164 phone. Every opt-out check compares a phone and its hash.
 * The hash only stops the phone from being read back at a glance (a phone space is small enough to enumerate); it
 * is the minimum needed to honour the STOP, and nothing else about the person is kept with it (docs/decisions/0022).
 */
public final class PhoneHash {

    public static final String PREFIX = "sha256:";

    private PhoneHash() {
    }

    /** The hash of a phone, normalised to E.164 first when it parses, so both spellings of a number agree. */
    public static String of(String phone) {
        return ofE164(PhoneNumbers.toE164(phone).orElse(phone.strip()));
    }

    /**
     * The hash of a phone the one normaliser already wrote in E.164: the same as {@link #of} for it (the normaliser
     * gives an E.164 back unchanged), without parsing it again, which is most of the cost when a page of 10,000
     * recipients is checked against the opt-outs.
     */
    public static String ofE164(String e164) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(e164.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static boolean isHash(String value) {
        return value.startsWith(PREFIX);
    }
}
