package io.missive.scheduler.publication.config;

import io.missive.scheduler.publication.DuePublisher;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Ticks the due-queue (every 200 ms by default); each tick drains every campaign that has work. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class DueQueuePoller {

    private final DuePublisher publisher;

    public DueQueuePoller(DuePublisher publisher) {
        this.publisher = publisher;
    }

    /** Closing starts by stopping publication between two batches: what is left stays behind the cursor. */
    @EventListener(ContextClosedEvent.class)
    void stopping() {
        publisher.stop();
    }

    @Scheduled(fixedDelayString = "${missive.scheduler.poll-interval-ms:200}", initialDelayString = "${missive.scheduler.poll-interval-ms:200}")
    void tick() {
        publisher.drain();
    }
}
