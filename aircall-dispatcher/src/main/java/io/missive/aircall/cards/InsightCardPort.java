package io.missive.aircall.cards;

/** The port to Aircall's {@code POST /v1/calls/{call_id}/insight_cards}. */
public interface InsightCardPort {

    CardOutcome post(String callId, InsightCard card);
}
