package io.missive.scheduler.resolution;

import java.util.List;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/** Rows read a slice at a time after the last row read (keyset paging), handed out one by one. */
final class Keyset<T> {
    private final BiFunction<@Nullable T, Integer, List<T>> read;
    private final int sliceSize;
    private List<T> slice = List.of();
    private int index;
    private boolean more = true;
    private boolean anyRead;

    /** @param read the rows after the given one (or the first rows, given null), at most the given number */
    Keyset(BiFunction<@Nullable T, Integer, List<T>> read, int sliceSize) {
        this.read = read;
        this.sliceSize = sliceSize;
    }

    /** The next row, or null once there is none left. */
    @Nullable T next() {
        if (index == slice.size()) {
            if (!more) {
                return null;
            }
            slice = read.apply(slice.isEmpty() ? null : slice.getLast(), sliceSize);
            index = 0;
            more = slice.size() == sliceSize;
            if (slice.isEmpty()) {
                return null;
            }
            anyRead = true;
        }
        return slice.get(index++);
    }

    boolean exhausted() {
        return index == slice.size() && !more;
    }

    boolean anyRead() {
        return anyRead;
    }
}
