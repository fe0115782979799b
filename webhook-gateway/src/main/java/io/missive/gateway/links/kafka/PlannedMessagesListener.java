package io.missive.gateway.links.kafka;

import io.missive.events.MessagePlanned;
import io.missive.gateway.links.LinkRedirects;
import io.missive.schemas.spring.MissiveKafkaAutoConfiguration;
import io.missive.schemas.topics.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Feeds the link table from {@code missive.sms.planned}: the scheduler mints each message's code. A
 * poll at a time, so a campaign of a million messages is a few hundred inserts, not a million. A
 * record that is not a decodable {@link MessagePlanned} goes to the dead-letter topic once the
 * records before it are registered.
 */
@Component
class PlannedMessagesListener {

    private static final Logger log = LoggerFactory.getLogger(PlannedMessagesListener.class);

    private final LinkRedirects redirects;

    PlannedMessagesListener(LinkRedirects redirects) {
        this.redirects = redirects;
    }

    @KafkaListener(topics = Topics.PREFIX + Topics.PLANNED_NAME, containerFactory = MissiveKafkaAutoConfiguration.BATCH_LISTENER_FACTORY)
    void on(List<ConsumerRecord<String, @Nullable Object>> records) {
        var planned = new ArrayList<MessagePlanned>(records.size());
        for (var record : records) {
            if (!(record.value() instanceof MessagePlanned message)) {
                register(planned);
                throw new BatchListenerFailedException("not a MessagePlanned", record);
            }
            planned.add(message);
        }
        register(planned);
    }

    private void register(List<MessagePlanned> planned) {
        var refused = redirects.registerAll(planned);
        refused.forEach(message -> log.warn("link_refused messageId={} campaignId={} code={} reason=not_an_http_target_or_bad_code",
                message.getMessageId(), message.getCampaignId(), message.getLinkCode()));
        log.debug("links_registered planned={} refused={}", planned.size(), refused.size());
    }
}
