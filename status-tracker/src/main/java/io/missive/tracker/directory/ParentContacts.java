package io.missive.tracker.directory;

import java.util.Collection;

/**
 * The tracker's parent contacts. Replies and calls are tied to every parent whose phone they came from when they
 * are projected; a parent whose phone the directory learns later adopts the replies and calls of that phone that no
 * parent holds yet (decision 0505).
 */
public interface ParentContacts {

    /** Applies a batch of the directory: parents added or changed, and parents deleted (their ties are kept). */
    void apply(Collection<ParentContact> changed, Collection<String> deletedParentIds);
}
