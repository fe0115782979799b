package io.missive.scheduler.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.missive.scheduler.resolution.DropReason;
import io.missive.scheduler.resolution.Resolution.Dropped;
import io.missive.scheduler.resolution.Resolution.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PagesOnAnotherThreadUnitTest {

    @Test
    void pagesArriveInOrderOnAnotherThreadWhileTheCallerGoesOn() throws Exception {
        var seen = new ArrayList<String>();
        var threads = new ArrayList<Thread>();
        var firstStarted = new CountDownLatch(1);
        var callerWentOn = new CountDownLatch(1);
        try (var pages = new PagesOnAnotherThread(page -> {
            threads.add(Thread.currentThread());
            firstStarted.countDown();
            try {
                // The first page is still being handled while the caller prepares the second.
                assertThat(callerWentOn.await(5, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            seen.add(page.selectorDrops().getFirst().recipient());
        })) {
            pages.accept(page("p1"));
            assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();
            callerWentOn.countDown();
            for (int i = 2; i <= 50; i++) {
                pages.accept(page("p" + i));
            }
            pages.finish();
        }
        assertThat(seen).hasSize(50).startsWith("p1", "p2", "p3").endsWith("p50");
        assertThat(threads).doesNotContain(Thread.currentThread());
    }

    @Test
    void whatTheHandlerThrowsReachesTheCaller() {
        var pages = new PagesOnAnotherThread(page -> {
            throw new IllegalArgumentException("rendering failed on " + page.selectorDrops().getFirst().recipient());
        });
        pages.accept(page("p1"));
        assertThatThrownBy(pages::finish).isInstanceOf(IllegalArgumentException.class).hasMessage("rendering failed on p1");
        pages.close();
    }

    private static Page page(String label) {
        return new Page(List.of(), List.of(new Dropped(label, DropReason.UNKNOWN_PARENT)), List.of(), List.of());
    }
}
