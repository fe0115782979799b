package io.missive.gateway.links;

import java.util.Optional;

/** The gateway's link table (code → message, target). */
public interface TrackedLinks {

    Optional<TrackedLink> find(String code);

    /** Registers a link; registering the same code again keeps the first registration. */
    void register(TrackedLink link);
}
