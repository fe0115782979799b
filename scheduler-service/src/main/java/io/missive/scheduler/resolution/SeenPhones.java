package io.missive.scheduler.resolution;

/**
 * The E.164 phones a command has already given a message (or dropped as a duplicate of one), for exact
 * de-duplication across pages. A normalised phone is {@code +} and at most 15 digits, the first not 0,
 * so its digits are a unique positive long: an open-addressing table of longs holds 700,000 phones in
 * about 16 MB, where a {@code HashSet<String>} takes about 65 MB.
 */
final class SeenPhones {

    private static final long FREE = 0;

    private long[] table = new long[1 << 12];
    private int size;

    /** @return false when the phone was already seen */
    boolean add(String e164) {
        long digits = Long.parseLong(e164, 1, e164.length(), 10);
        if (size * 2 >= table.length) {
            grow();
        }
        return insert(table, digits);
    }

    int size() {
        return size;
    }

    private boolean insert(long[] into, long value) {
        int mask = into.length - 1;
        for (int slot = spread(value) & mask; ; slot = (slot + 1) & mask) {
            if (into[slot] == FREE) {
                into[slot] = value;
                if (into == table) {
                    size++;
                }
                return true;
            }
            if (into[slot] == value) {
                return false;
            }
        }
    }

    private void grow() {
        var old = table;
        table = new long[old.length * 2];
        for (long value : old) {
            if (value != FREE) {
                int mask = table.length - 1;
                int slot = spread(value) & mask;
                while (table[slot] != FREE) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = value;
            }
        }
    }

    private static int spread(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
