package io.missive.scheduler.erasure;

import java.time.Instant;
import java.util.List;

/** A parent's erasure: who asked, why, and the phones the scheduler knew the parent by. */
public record ErasureRequest(String erasureId, String parentId, List<String> phones, String author, String reason, Instant requestedAt) {

    public ErasureRequest {
        phones = List.copyOf(phones);
    }
}
