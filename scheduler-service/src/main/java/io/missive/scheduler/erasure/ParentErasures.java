package io.missive.scheduler.erasure;

import java.time.Clock;
import java.util.UUID;

/**
 * A parent's erasure, from the request to the confirmation. The API only publishes the request: the erasure itself
 * is done by every service, the scheduler included, when it reads {@code ParentErased} from missive.commands, so
 * an erasure requested by an upstream system on Kafka goes exactly the same way.
 */
public final class ParentErasures {

    public static final String SERVICE = "scheduler-service";

    private final ErasureStore store;
    private final ErasureOutbox outbox;
    private final Clock clock;

    public ParentErasures(ErasureStore store, ErasureOutbox outbox, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Requested request(String parentId, String author, String reason) {
        var earlier = store.erasureOf(parentId);
        if (earlier.isPresent()) {
            return new Requested.AlreadyErased(earlier.get());
        }
        if (!store.knows(parentId)) {
            return new Requested.UnknownParent();
        }
        var request = new ErasureRequest(UUID.randomUUID().toString(), parentId, store.phonesOf(parentId), author, reason, clock.instant());
        outbox.request(request);
        return new Requested.Accepted(request.erasureId());
    }

    /** Carries out the erasure in the scheduler's schema, then tells the tracker and confirms. */
    public ErasureStore.Outcome erase(ErasureRequest request) {
        var outcome = store.erase(request);
        outbox.failed(outcome.cancelled());
        outbox.confirmed(request, outcome.removed());
        return outcome;
    }

    public sealed interface Requested {
        record Accepted(String erasureId) implements Requested {
        }

        record AlreadyErased(String erasureId) implements Requested {
        }

        record UnknownParent() implements Requested {
        }
    }
}
