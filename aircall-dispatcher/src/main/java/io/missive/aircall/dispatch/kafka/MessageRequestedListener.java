package io.missive.aircall.dispatch.kafka;

import io.missive.aircall.dispatch.Announcer;
import io.missive.aircall.dispatch.DispatchLoop;
import io.missive.aircall.dispatch.Dispatcher;
import io.missive.aircall.dispatch.OutboundMessage;
import io.missive.events.MessageRequested;
import io.missive.schemas.topics.Topics;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Takes {@code missive.sms.aircall.requested} into the dispatch ledger. The record is acknowledged
 * once the message is in the ledger, so a restart never loses it; a redelivery is recognised by
 * its messageId.
 */
public class MessageRequestedListener {

    private static final Logger log = LoggerFactory.getLogger(MessageRequestedListener.class);

    private final Dispatcher dispatcher;
    private final DispatchLoop loop;
    private final Announcer announcer;

    public MessageRequestedListener(Dispatcher dispatcher, DispatchLoop loop, Announcer announcer) {
        this.dispatcher = dispatcher;
        this.loop = loop;
        this.announcer = announcer;
    }

    @KafkaListener(topics = Topics.PREFIX + Topics.AIRCALL_REQUESTED_NAME)
    public void on(MessageRequested requested) {
        MDC.put("messageId", requested.getMessageId());
        MDC.put("campaignId", requested.getCampaignId());
        try {
            var message = new OutboundMessage(requested.getMessageId(), requested.getCampaignId(), requested.getPhone(),
                    requested.getBody(), requested.getAircallNumberId(), requested.getParentId(), requested.getSupporterId());
            if (takeDurably(message)) {
                loop.wake();
                announcer.wake();
            }
        } finally {
            MDC.remove("messageId");
            MDC.remove("campaignId");
        }
    }

    /**
     * A database that is briefly unavailable should not send valid messages to the dead-letter
     * topic: the write is retried for about a minute (well within the consumer's poll interval)
     * before the error handler gets the failure.
     */
    private boolean takeDurably(OutboundMessage message) {
        long backoffMillis = 250;
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            try {
                return dispatcher.take(message);
            } catch (TransientDataAccessException | RecoverableDataAccessException | DataAccessResourceFailureException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                log.warn("event=aircall.ledger_unavailable messageId={} retryInMs={} error={}", message.messageId(),
                        backoffMillis, e.toString());
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoffMillis = Math.min(backoffMillis * 2, 10_000);
            }
        }
    }
}
