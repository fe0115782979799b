package io.missive.scheduler.program;

import io.missive.scheduler.resolution.Resolution.Page;
import io.missive.scheduler.resolution.Resolution.Pages;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Hands each page to {@code next} on a thread of its own, in order, while the caller resolves the next page:
 * resolution (the directory's reads and the rules) and rendering (templates, segments, the guard) then run on
 * both cores instead of taking turns on one. At most one page waits: the caller blocks until the page before is
 * done, so memory stays two pages whatever the command's size, and a failure of {@code next} is thrown to the
 * caller at the following page or at {@link #finish()}.
 */
final class PagesOnAnotherThread implements Pages, AutoCloseable {

    private final Pages next;
    private final ExecutorService thread = Executors.newVirtualThreadPerTaskExecutor();
    private CompletableFuture<Void> previous = CompletableFuture.completedFuture(null);

    PagesOnAnotherThread(Pages next) {
        this.next = next;
    }

    @Override
    public void accept(Page page) {
        awaitPrevious();
        previous = CompletableFuture.runAsync(() -> next.accept(page), thread);
    }

    /** Waits for the last page to be handed over; what {@code next} threw is thrown here. */
    void finish() {
        awaitPrevious();
    }

    private void awaitPrevious() {
        try {
            previous.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        thread.close();
    }
}
