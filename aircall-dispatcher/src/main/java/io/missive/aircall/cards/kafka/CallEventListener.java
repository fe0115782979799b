package io.missive.aircall.cards.kafka;

import io.missive.aircall.cards.CallRinging;
import io.missive.aircall.cards.InsightCards;
import io.missive.aircall.dispatch.DispatchLoop;
import io.missive.events.AircallCallEvent;
import io.missive.schemas.topics.Topics;
import java.util.Locale;
import java.util.Set;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Takes the calls announced by the insight-cards webhook from {@code missive.aircall.calls}: an
 * inbound call that rings becomes a card, then the dispatch loop is woken to post it. Other call
 * events on the topic (the calls webhook, for the tracker) are not for cards.
 */
public class CallEventListener {

    private static final Set<String> RINGING = Set.of("call.created", "call.ringing_on_agent");

    private final InsightCards cards;
    private final DispatchLoop loop;

    public CallEventListener(InsightCards cards, DispatchLoop loop) {
        this.cards = cards;
        this.loop = loop;
    }

    @KafkaListener(topics = Topics.PREFIX + Topics.AIRCALL_CALLS_NAME, groupId = Topics.PREFIX + "aircall-cards")
    public void on(AircallCallEvent event) {
        if (!event.getInsightCard() || !RINGING.contains(event.getEvent())
                || !"inbound".equals(event.getDirection() == null ? null : event.getDirection().toLowerCase(Locale.ROOT))) {
            return;
        }
        if (cards.take(new CallRinging(event.getCallId(), event.getPhone(), event.getOccurredAt()))) {
            loop.wake();
        }
    }
}
