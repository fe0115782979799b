package io.missive.scheduler.guard;

import java.util.Arrays;

/**
 * Ranges of a text the guard must not judge: where the values Missive itself put in are (the tracked link, the
 * supporter's Aircall number, the parent's security token). Reused from message to message.
 */
final class Spans {

    private int[] bounds = new int[8];
    private int count;

    void clear() {
        count = 0;
    }

    /** Every occurrence of {@code value} in {@code text}. */
    void addEvery(CharSequence text, String value) {
        if (value.isEmpty()) {
            return;
        }
        var string = text.toString();
        for (int at = string.indexOf(value); at >= 0; at = string.indexOf(value, at + value.length())) {
            add(at, at + value.length());
        }
    }

    void add(int from, int to) {
        if (bounds.length < 2 * count + 2) {
            bounds = Arrays.copyOf(bounds, bounds.length * 2);
        }
        bounds[2 * count] = from;
        bounds[2 * count + 1] = to;
        count++;
    }

    /** The end of a span starting at {@code at}, or -1: where a scan may jump over text Missive put in itself. */
    int endOfSpanAt(int at) {
        for (int i = 0; i < count; i++) {
            if (bounds[2 * i] == at) {
                return bounds[2 * i + 1];
            }
        }
        return -1;
    }

    /** The end of the last span that ends at or before {@code at}, or 0: where text before {@code at} stops being Missive's. */
    int lastEndAtOrBefore(int at) {
        int last = 0;
        for (int i = 0; i < count; i++) {
            int end = bounds[2 * i + 1];
            if (end <= at && end > last) {
                last = end;
            }
        }
        return last;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** Whether one span holds all of {@code [from, to)}. */
    boolean covers(int from, int to) {
        for (int i = 0; i < count; i++) {
            if (bounds[2 * i] <= from && to <= bounds[2 * i + 1]) {
                return true;
            }
        }
        return false;
    }

    boolean overlaps(int from, int to) {
        for (int i = 0; i < count; i++) {
            if (from < bounds[2 * i + 1] && bounds[2 * i] < to) {
                return true;
            }
        }
        return false;
    }
}
