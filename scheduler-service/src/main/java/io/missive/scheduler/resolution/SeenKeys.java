package io.missive.scheduler.resolution;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The recipient keys ({@code parent:42}, {@code phone:+33…}) a command has already seen, for exact
 * de-duplication across pages. Keys are kept as UTF-8 bytes, one after the other in a single array, and
 * an open-addressing table of offsets points into it: about 25 bytes a key where a {@code HashSet<String>}
 * takes about 95, which is what lets a 700,000-recipient command resolve in a small heap.
 */
final class SeenKeys {

    private static final int FREE = -1;

    private int[] table = filled(1 << 12);
    private int[] hashes = new int[1 << 12];
    private byte[] bytes = new byte[1 << 16];
    private int used;
    private int size;

    /** @return false when the key was already seen */
    boolean add(String key) {
        var encoded = key.getBytes(StandardCharsets.UTF_8);
        int hash = mix(Arrays.hashCode(encoded));
        if (size * 2 >= table.length) {
            grow();
        }
        int mask = table.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            int offset = table[slot];
            if (offset == FREE) {
                table[slot] = append(encoded);
                hashes[slot] = hash;
                size++;
                return true;
            }
            if (hashes[slot] == hash && sameAt(offset, encoded)) {
                return false;
            }
        }
    }

    int size() {
        return size;
    }

    /** Each key is stored as a 2-byte length and its bytes. */
    private int append(byte[] encoded) {
        if (encoded.length > 0xFFFF) {
            throw new IllegalArgumentException("recipient key of " + encoded.length + " bytes");
        }
        if (used + 2 + encoded.length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, used + 2 + encoded.length));
        }
        int offset = used;
        bytes[used++] = (byte) (encoded.length >>> 8);
        bytes[used++] = (byte) encoded.length;
        System.arraycopy(encoded, 0, bytes, used, encoded.length);
        used += encoded.length;
        return offset;
    }

    private boolean sameAt(int offset, byte[] encoded) {
        int length = ((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF);
        return length == encoded.length
                && Arrays.equals(bytes, offset + 2, offset + 2 + length, encoded, 0, length);
    }

    private void grow() {
        var oldTable = table;
        var oldHashes = hashes;
        table = filled(oldTable.length * 2);
        hashes = new int[oldTable.length * 2];
        int mask = table.length - 1;
        for (int i = 0; i < oldTable.length; i++) {
            if (oldTable[i] != FREE) {
                int slot = oldHashes[i] & mask;
                while (table[slot] != FREE) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = oldTable[i];
                hashes[slot] = oldHashes[i];
            }
        }
    }

    /** MurmurHash3's finaliser, so that the low bits the table uses depend on every byte. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        return h ^ (h >>> 16);
    }

    private static int[] filled(int length) {
        var array = new int[length];
        Arrays.fill(array, FREE);
        return array;
    }
}
