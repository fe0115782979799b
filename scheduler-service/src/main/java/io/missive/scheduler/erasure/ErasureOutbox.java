package io.missive.scheduler.erasure;

import java.util.List;
import java.util.Map;

/** What an erasure tells the other services. Each call returns once the broker acknowledged it. */
public interface ErasureOutbox {

    /** {@code ParentErased} on missive.commands, and the parent's tombstone on missive.directory. */
    void request(ErasureRequest request);

    /** {@code FAILED ERASED} for messages that will not be published. */
    void failed(List<ErasureStore.Cancelled> messages);

    /** {@code ErasureConfirmed} from the scheduler on missive.erasures. */
    void confirmed(ErasureRequest request, Map<String, Long> removed);
}
