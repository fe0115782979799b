package io.missive.spothit.dispatch.kafka;

import io.missive.events.MessageRequested;
import io.missive.schemas.topics.Topics;
import io.missive.spothit.dispatch.Dispatcher;
import io.missive.spothit.dispatch.RequestedMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * Takes requested messages a poll at a time and returns only once each is settled and its status
 * published; the container then commits the offsets. A record that is not a decodable
 * {@link MessageRequested} goes to the dead-letter topic after the others are dispatched.
 *
 * <p>If the database or the broker fails during a poll, the poll is dispatched again (the ledger
 * makes that safe) for up to {@code outageTolerance} before the failure goes to the shared error
 * handler, whose dead-letter recovery would otherwise take a whole poll on a short outage.
 */
public class MessageRequestedListener {

    public static final String CONTAINER_FACTORY = "spotHitBatchListenerFactory";
    private static final Logger log = LoggerFactory.getLogger(MessageRequestedListener.class);

    private final Dispatcher dispatcher;
    private final Duration outageTolerance;

    public MessageRequestedListener(Dispatcher dispatcher, Duration outageTolerance) {
        this.dispatcher = dispatcher;
        this.outageTolerance = outageTolerance;
    }

    @KafkaListener(topics = Topics.PREFIX + Topics.SPOTHIT_REQUESTED_NAME, containerFactory = CONTAINER_FACTORY)
    public void onRequested(List<ConsumerRecord<String, @Nullable Object>> records) throws InterruptedException {
        var messages = new ArrayList<RequestedMessage>(records.size());
        ConsumerRecord<String, @Nullable Object> undecodable = null;
        for (var record : records) {
            if (record.value() instanceof MessageRequested requested) {
                messages.add(toMessage(requested));
            } else if (undecodable == null) {
                undecodable = record;
            }
        }
        dispatchThroughOutages(messages);
        if (undecodable != null) {
            throw new BatchListenerFailedException("not a MessageRequested", undecodable);
        }
    }

    private void dispatchThroughOutages(List<RequestedMessage> messages) throws InterruptedException {
        long deadline = System.nanoTime() + outageTolerance.toNanos();
        var pause = Duration.ofMillis(500);
        while (true) {
            try {
                dispatcher.dispatch(messages);
                return;
            } catch (RuntimeException failure) {
                if (System.nanoTime() + pause.toNanos() > deadline) {
                    throw failure;
                }
                log.warn("event=dispatch.poll_retried messages={} pauseMs={} error=\"{}\"",
                        messages.size(), pause.toMillis(), failure.toString());
                Thread.sleep(pause);
                pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(15)) > 0 ? Duration.ofSeconds(15) : pause.multipliedBy(2);
            }
        }
    }

    static RequestedMessage toMessage(MessageRequested requested) {
        var variables = new java.util.LinkedHashMap<String, String>();
        requested.getVariables().forEach((name, value) -> variables.put(name.toString(), value.toString()));
        var attachment = requested.getAttachment();
        return new RequestedMessage(requested.getMessageId(), requested.getCampaignId(), requested.getPhone(),
                requested.getBody(), requested.getTemplate(), variables,
                attachment == null ? null : attachment.getUrl(), requested.getChannel(), requested.getMediaId());
    }
}
