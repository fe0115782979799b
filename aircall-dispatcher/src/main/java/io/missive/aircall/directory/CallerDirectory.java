package io.missive.aircall.directory;

import java.util.Optional;

/**
 * The phone → parent view of this service, kept from the compacted {@code missive.directory} topic
 * (decision 0304): the dispatcher reads no other service's tables.
 */
public interface CallerDirectory {

    /** The parent whose phone this is (E.164), if the directory knows one; the first by id if several share it. */
    Optional<Caller> byPhone(String e164);

    /** Applies a batch of the directory topic. */
    void apply(DirectoryChanges changes);
}
