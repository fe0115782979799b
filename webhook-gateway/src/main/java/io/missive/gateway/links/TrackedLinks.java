package io.missive.gateway.links;

import java.util.List;
import java.util.Optional;

/** The gateway's link table (code → message, target). */
public interface TrackedLinks {

    Optional<TrackedLink> find(String code);

    /** Registers links; a code registered before, or twice in the list, keeps its first registration. */
    void registerAll(List<TrackedLink> links);
}
