package io.missive.spothit.dispatch.kafka;

import io.missive.events.MessageRequested;
import io.missive.schemas.spring.MissiveKafkaAutoConfiguration;
import io.missive.schemas.spring.OutagePolicy;
import io.missive.schemas.topics.Topics;
import io.missive.spothit.dispatch.Dispatcher;
import io.missive.spothit.dispatch.RequestedMessage;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * Takes requested messages a poll at a time and returns only once each is settled and its status
 * published; the container then commits the offsets. A record that is not a decodable
 * {@link MessageRequested} goes to the dead-letter topic after the others are dispatched.
 *
 * <p>If the database or the broker fails during a poll, the poll is dispatched again (the ledger
 * makes that safe) as the shared {@link OutagePolicy} says, within the dispatcher's
 * {@code outage-tolerance}, before the failure goes to the shared error handler, whose dead-letter
 * recovery would otherwise take a whole poll on a short outage.
 */
public class MessageRequestedListener {

    private final Dispatcher dispatcher;
    private final OutagePolicy outages;

    public MessageRequestedListener(Dispatcher dispatcher, OutagePolicy outages) {
        this.dispatcher = dispatcher;
        this.outages = outages;
    }

    @KafkaListener(topics = Topics.PREFIX + Topics.SPOTHIT_REQUESTED_NAME,
            containerFactory = MissiveKafkaAutoConfiguration.BATCH_LISTENER_FACTORY)
    public void onRequested(List<ConsumerRecord<String, @Nullable Object>> records) {
        var messages = new ArrayList<RequestedMessage>(records.size());
        ConsumerRecord<String, @Nullable Object> undecodable = null;
        for (var record : records) {
            if (record.value() instanceof MessageRequested requested) {
                messages.add(toMessage(requested));
            } else if (undecodable == null) {
                undecodable = record;
            }
        }
        outages.run("spothit_dispatch messages=" + messages.size(), () -> dispatcher.dispatch(messages));
        if (undecodable != null) {
            throw new BatchListenerFailedException("not a MessageRequested", undecodable);
        }
    }

    static RequestedMessage toMessage(MessageRequested requested) {
        var variables = new java.util.LinkedHashMap<String, String>();
        requested.getVariables().forEach((name, value) -> variables.put(name.toString(), value.toString()));
        var attachment = requested.getAttachment();
        return new RequestedMessage(requested.getMessageId(), requested.getCampaignId(), requested.getPhone(),
                requested.getBody(), requested.getTemplate(), variables,
                attachment == null ? null : attachment.getUrl(), requested.getDueAt());
    }
}
