package io.missive.scheduler.config;

import io.missive.scheduler.publication.DuePublisher;
import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Ticks the due-queue every {@code missive.scheduler.poll-interval-ms} (200 ms by default); each tick
 * drains every campaign that has work.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class DueQueuePoller implements SchedulingConfigurer {

    private final DuePublisher publisher;
    private final Duration interval;

    public DueQueuePoller(DuePublisher publisher, SchedulerProperties properties) {
        this.publisher = publisher;
        this.interval = Duration.ofMillis(properties.pollIntervalMs());
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::tick, interval, interval));
    }

    /** Closing starts by stopping publication between two batches: what is left stays behind the cursor. */
    @EventListener(ContextClosedEvent.class)
    void stopping() {
        publisher.stop();
    }

    void tick() {
        publisher.drain();
    }
}
