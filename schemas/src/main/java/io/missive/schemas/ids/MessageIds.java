package io.missive.schemas.ids;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Deterministic identifiers (RFC 9562 UUIDv5, SHA-1 name-based), so that a replayed command or a
 * redelivered webhook yields the same ids and downstream dedupes them.
 */
public final class MessageIds {

    /** The namespace of every Missive name-based id. */
    public static final UUID NAMESPACE = UUID.fromString("8f5b8c1e-2d4a-5b7e-9c3f-6a1d0e4b2c77");

    private MessageIds() {
    }

    /** The id of the message a command sends to one recipient. */
    public static String messageId(String commandId, String recipientKey) {
        return nameBased(commandId + "\u0000" + recipientKey).toString();
    }

    /** An event id derived from a provider's identifiers (campaign, number, status, timestamp...). */
    public static String eventIdFrom(String... parts) {
        return nameBased(String.join("\u0000", parts)).toString();
    }

    public static String randomEventId() {
        return UUID.randomUUID().toString();
    }

    static UUID nameBased(String name) {
        try {
            var sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(toBytes(NAMESPACE));
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            long msb = 0;
            long lsb = 0;
            for (int i = 0; i < 8; i++) {
                msb = (msb << 8) | (hash[i] & 0xff);
                lsb = (lsb << 8) | (hash[i + 8] & 0xff);
            }
            return new UUID(msb, lsb);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java platform", e);
        }
    }

    private static byte[] toBytes(UUID uuid) {
        var bytes = new byte[16];
        long msb = uuid.getMostSignificantBits();
        long lsb = uuid.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (msb >>> (56 - 8 * i));
            bytes[i + 8] = (byte) (lsb >>> (56 - 8 * i));
        }
        return bytes;
    }
}
