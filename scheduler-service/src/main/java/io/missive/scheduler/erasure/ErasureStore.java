package io.missive.scheduler.erasure;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The scheduler's side of an erasure, in its own schema. */
public interface ErasureStore {

    /** The erasure already carried out for this parent, if any. */
    Optional<String> erasureOf(String parentId);

    /** Whether the directory or a campaign knows the parent. */
    boolean knows(String parentId);

    /** The phones the parent is known by: the directory's, and those their messages went to. */
    List<String> phonesOf(String parentId);

    /**
     * In one transaction: records the parent as erased (the directory will not project them again), deletes them and
     * their children from the directory, fails their unpublished messages ({@code ERASED}), redacts every message and
     * drop that names them, and keeps an opt-out of their phones as its hash only. Idempotent.
     */
    Outcome erase(ErasureRequest request);

    /** A message the erasure stopped before publication. */
    record Cancelled(String messageId, String provider) {
    }

    /** @param removed rows deleted or redacted, by table */
    record Outcome(Map<String, Long> removed, List<Cancelled> cancelled) {
    }
}
