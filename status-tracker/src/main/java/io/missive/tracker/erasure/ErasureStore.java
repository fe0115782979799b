package io.missive.tracker.erasure;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Events store's side of an erasure. */
public interface ErasureStore {

    /**
     * Records the request and, in the same transaction, erases the parent from the Events store: messages keep their
     * status, times and campaign but lose phone, body, link and parent; replies, receipts and Aircall messages of the
     * phones go; an opt-out stays as the phone's hash. Idempotent: a replayed request removes nothing more.
     *
     * @return rows removed or redacted, by table
     */
    Map<String, Long> erase(ParentErasure request);

    /** Keeps a service's confirmation (a repeated one replaces the earlier). */
    void confirmed(Confirmation confirmation);

    Optional<ParentErasure> request(String erasureId);

    List<Confirmation> confirmations(String erasureId);
}
