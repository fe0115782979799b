package io.missive.aircall.dispatch.kafka;

import io.missive.aircall.dispatch.Announcer;
import io.missive.aircall.dispatch.DispatchLoop;
import io.missive.aircall.dispatch.Dispatcher;
import io.missive.aircall.dispatch.OutboundMessage;
import io.missive.events.MessageRequested;
import io.missive.schemas.spring.OutagePolicy;
import io.missive.schemas.topics.Topics;
import org.slf4j.MDC;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Takes {@code missive.sms.aircall.requested} into the dispatch ledger. The record is acknowledged
 * once the message is in the ledger, so a restart never loses it; a redelivery is recognised by
 * its messageId.
 */
public class MessageRequestedListener {

    private final Dispatcher dispatcher;
    private final DispatchLoop loop;
    private final Announcer announcer;
    private final OutagePolicy outages;

    public MessageRequestedListener(Dispatcher dispatcher, DispatchLoop loop, Announcer announcer, OutagePolicy outages) {
        this.dispatcher = dispatcher;
        this.loop = loop;
        this.announcer = announcer;
        this.outages = outages;
    }

    @KafkaListener(topics = Topics.PREFIX + Topics.AIRCALL_REQUESTED_NAME)
    public void on(MessageRequested requested) {
        MDC.put("messageId", requested.getMessageId());
        MDC.put("campaignId", requested.getCampaignId());
        try {
            var message = new OutboundMessage(requested.getMessageId(), requested.getCampaignId(), requested.getPhone(),
                    requested.getBody(), requested.getAircallNumberId(), requested.getParentId(), requested.getSupporterId());
            // A database briefly away should not send valid messages to the dead letters: the write is
            // retried as the shared outage policy says, for about a minute (well within the poll interval).
            if (outages.call("aircall_take", () -> dispatcher.take(message))) {
                loop.wake();
                announcer.wake();
            }
        } finally {
            MDC.remove("messageId");
            MDC.remove("campaignId");
        }
    }
}
