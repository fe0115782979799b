package io.missive.scheduler.directory;

import java.util.Collection;

/** Where the projection lives: upserts are batched so that a 100,000-parent import takes seconds. */
public interface DirectoryStore {

    void apply(Directory.Changes changes);

    void optOut(Collection<String> phones);

    void optIn(Collection<String> phones);
}
