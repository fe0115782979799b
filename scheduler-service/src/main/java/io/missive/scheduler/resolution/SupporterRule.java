package io.missive.scheduler.resolution;

import io.missive.scheduler.directory.Directory.Parent;
import org.jspecify.annotations.Nullable;

/** With a supporter filter, only the parents that supporter follows get a message ({@code NOT_FOLLOWED_BY_SUPPORTER}). */
record SupporterRule(@Nullable String supporterFilter) {

    boolean follows(Parent parent) {
        return supporterFilter == null || supporterFilter.equals(parent.supporterId());
    }
}
