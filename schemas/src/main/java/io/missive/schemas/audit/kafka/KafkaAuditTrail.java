package io.missive.schemas.audit.kafka;

import io.missive.events.AuditRecorded;
import io.missive.schemas.audit.AuditAct;
import io.missive.schemas.audit.AuditTrail;
import io.missive.schemas.audit.AuditUnavailableException;
import io.missive.schemas.spring.EventPublisher;
import io.missive.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes each act as {@code AuditRecorded}, keyed by actor, and waits for the broker's {@code acks=all}. */
public final class KafkaAuditTrail implements AuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaAuditTrail.class);

    private final EventPublisher publisher;
    private final String service;
    private final Clock clock;
    private final Duration timeout;

    public KafkaAuditTrail(EventPublisher publisher, String service, Clock clock, Duration timeout) {
        this.publisher = publisher;
        this.service = service;
        this.clock = clock;
        this.timeout = timeout;
    }

    @Override
    public void record(AuditAct act) {
        var event = AuditRecorded.newBuilder()
                .setEventId(act.eventId())
                .setActor(act.actor())
                .setAct(act.act())
                .setTarget(act.target())
                .setDetails(act.details())
                .setAt(clock.instant())
                .setFrom(act.from())
                .setService(service)
                .build();
        try {
            publisher.publishAndWait(Topics.AUDIT, act.actor(), event, timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditUnavailableException(act.act(), e);
        } catch (Exception e) {
            throw new AuditUnavailableException(act.act(), e);
        }
        // The target is left out: it may be a phone number.
        LOG.info("event=audit_recorded act={} actor={} auditId={}", act.act(), act.actor(), act.eventId());
    }
}
