package io.missive.gateway.aircall;

/** The Aircall webhooks, each with its own token variable. */
public enum AircallEndpoint {
    MESSAGES("/aircall/messages", "AIRCALL_WEBHOOK_MESSAGE_TOKEN"),
    MESSAGE_STATUS_UPDATED("/aircall/events_messages_status_updated", "AIRCALL_WEBHOOK_EVENT_MESSAGE_STATUS_UPDATED_TOKEN"),
    CALLS("/aircall/calls", "AIRCALL_WEBHOOK_CALL_TOKEN"),
    /** The call webhook of the insight cards: an inbound call that rings becomes a card for the agent. */
    INSIGHT_CARDS("/aircall/insight_cards", "AIRCALL_WEBHOOK_INSIGHT_CARDS_TOKEN");

    private final String path;
    private final String tokenVariable;

    AircallEndpoint(String path, String tokenVariable) {
        this.path = path;
        this.tokenVariable = tokenVariable;
    }

    public String path() {
        return path;
    }

    public String tokenVariable() {
        return tokenVariable;
    }
}
