package io.missive.gateway.config;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The token of each Aircall webhook. The first three are required: without them the gateway would
 * accept anyone's webhook. The insight-cards token may be left unset, which closes that webhook
 * (every call is refused) rather than opening it: a deployment without insight cards still starts.
 */
@Validated
@ConfigurationProperties("missive.gateway.aircall")
public record AircallWebhookProperties(
        @NotBlank(message = "is required: set AIRCALL_WEBHOOK_MESSAGE_TOKEN") String messageToken,
        @NotBlank(message = "is required: set AIRCALL_WEBHOOK_CALL_TOKEN") String callToken,
        @NotBlank(message = "is required: set AIRCALL_WEBHOOK_EVENT_MESSAGE_STATUS_UPDATED_TOKEN") String eventMessageStatusUpdatedToken,
        @Nullable String insightCardsToken) {

    @Override
    public String toString() {
        return "AircallWebhookProperties[tokens=****]";
    }
}
