package io.missive.scheduler.guard.review;

import io.missive.scheduler.guard.GuardLists;
import io.missive.scheduler.guard.ListEntry;
import io.missive.scheduler.guard.ListKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The allow-list and the block-list, durably. */
public interface GuardListStore {

    /** One stored entry. */
    record StoredEntry(long id, ListName list, ListEntry entry, @Nullable String createdBy, Instant createdAt) {
    }

    /** Both lists, as the guard reads them. */
    GuardLists load();

    List<StoredEntry> list(ListName list, @Nullable ListKind kind);

    /** Adds an entry, or returns the one already there (same list, kind, match and value). */
    StoredEntry add(ListName list, ListEntry entry, @Nullable String actor, Instant at);

    Optional<StoredEntry> remove(ListName list, long id);
}
