package io.missive.tracker.query;

import java.util.List;

/** One page of results, newest first. */
public record Page<T>(List<T> items, int page, int size, long totalItems) {

    public static final int MAX_SIZE = 500;

    public Page {
        items = List.copyOf(items);
    }
}
