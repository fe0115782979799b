package io.missive.gateway.links.kafka;

import io.missive.events.MessagePlanned;
import io.missive.gateway.links.LinkRedirects;
import io.missive.schemas.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Feeds the link table from {@code missive.sms.planned}: the scheduler mints each message's code. */
@Component
class PlannedMessagesListener {

    private static final Logger log = LoggerFactory.getLogger(PlannedMessagesListener.class);

    private final LinkRedirects redirects;

    PlannedMessagesListener(LinkRedirects redirects) {
        this.redirects = redirects;
    }

    @KafkaListener(topics = Topics.PREFIX + Topics.PLANNED_NAME)
    void on(MessagePlanned planned) {
        if (redirects.register(planned)) {
            log.debug("link_registered messageId={} campaignId={} code={}", planned.getMessageId(), planned.getCampaignId(), planned.getLinkCode());
        } else if (planned.getLinkCode() != null) {
            log.warn("link_refused messageId={} campaignId={} code={} reason=not_an_http_target_or_bad_code",
                    planned.getMessageId(), planned.getCampaignId(), planned.getLinkCode());
        }
    }
}
