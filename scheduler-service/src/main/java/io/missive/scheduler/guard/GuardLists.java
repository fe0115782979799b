package io.missive.scheduler.guard;

import java.util.List;

/** The allow-list and the block-list as the guard reads them (they are data, edited through the API). */
public record GuardLists(List<ListEntry> allowed, List<ListEntry> blocked) {

    public static final GuardLists EMPTY = new GuardLists(List.of(), List.of());

    public GuardLists {
        allowed = List.copyOf(allowed);
        blocked = List.copyOf(blocked);
    }
}
