package io.missive.gateway.aircall.http;

import io.missive.gateway.aircall.AircallEndpoint;
import io.missive.gateway.aircall.AircallWebhook;
import io.missive.gateway.aircall.AircallWebhooks;
import io.missive.gateway.publishing.EventSink;
import io.missive.gateway.publishing.OutgoingEvent;
import io.missive.gateway.web.http.CallbackAccepted;
import io.missive.gateway.webhooks.InvalidCallback;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Aircall's webhooks. The body is read as text and parsed here, so that malformed JSON is a 400 with
 * a reason, and so the token (which Aircall puts in the payload) is checked before anything else.
 */
@RestController
@Tag(name = "Aircall webhooks")
class AircallWebhookController {

    private static final Logger log = LoggerFactory.getLogger(AircallWebhookController.class);

    private final AircallWebhooks webhooks;
    private final EventSink sink;
    private final ObjectMapper json;

    AircallWebhookController(AircallWebhooks webhooks, EventSink sink, ObjectMapper json) {
        this.webhooks = webhooks;
        this.sink = sink;
        this.json = json;
    }

    @PostMapping("/aircall/messages")
    @Operation(summary = "message.sent → StatusUpdated SENT; message.received → InboundMessage (token AIRCALL_WEBHOOK_MESSAGE_TOKEN)")
    CallbackAccepted messages(@RequestBody String body, @RequestParam(required = false) @Nullable String token) {
        return handle(AircallEndpoint.MESSAGES, body, token);
    }

    @PostMapping("/aircall/events_messages_status_updated")
    @Operation(summary = "message.status_updated → StatusUpdated (token AIRCALL_WEBHOOK_EVENT_MESSAGE_STATUS_UPDATED_TOKEN)")
    CallbackAccepted messageStatusUpdated(@RequestBody String body, @RequestParam(required = false) @Nullable String token) {
        return handle(AircallEndpoint.MESSAGE_STATUS_UPDATED, body, token);
    }

    @PostMapping("/aircall/calls")
    @Operation(summary = "call.* → AircallCallEvent (token AIRCALL_WEBHOOK_CALL_TOKEN)")
    CallbackAccepted calls(@RequestBody String body, @RequestParam(required = false) @Nullable String token) {
        return handle(AircallEndpoint.CALLS, body, token);
    }

    @PostMapping("/aircall/insight_cards")
    @Operation(summary = "call.created / call.ringing_on_agent of an inbound call → AircallCallEvent asking for an insight card "
            + "(token AIRCALL_WEBHOOK_INSIGHT_CARDS_TOKEN)")
    CallbackAccepted insightCards(@RequestBody String body, @RequestParam(required = false) @Nullable String token) {
        return handle(AircallEndpoint.INSIGHT_CARDS, body, token);
    }

    private CallbackAccepted handle(AircallEndpoint endpoint, String body, @Nullable String queryToken) {
        var root = parse(body);
        var bodyToken = text(root.path("token"));
        webhooks.authenticate(endpoint, bodyToken != null ? bodyToken : queryToken);
        var webhook = webhookOf(root);
        var outcome = webhooks.handle(endpoint, webhook);
        if (outcome.ignored() != null) {
            log.info("aircall_ignored endpoint={} event={} reason=\"{}\"", endpoint.path(), webhook.event(), outcome.ignored());
            return new CallbackAccepted(0, outcome.ignored());
        }
        sink.publishAll(outcome.events());
        log.info("aircall_webhook endpoint={} event={} aircallId={} eventId={}", endpoint.path(), webhook.event(),
                webhook.data().id(), OutgoingEvent.eventIds(outcome.events()));
        return CallbackAccepted.published(outcome.events().size());
    }

    private JsonNode parse(String body) {
        try {
            var root = json.readTree(body);
            if (root == null || !root.isObject()) {
                throw new InvalidCallback("the body must be a JSON object");
            }
            return root;
        } catch (JacksonException e) {
            throw new InvalidCallback("the body is not well-formed JSON");
        }
    }

    private static AircallWebhook webhookOf(JsonNode root) {
        var data = root.path("data");
        if (!data.isObject()) {
            throw new InvalidCallback("data must be a JSON object");
        }
        return new AircallWebhook(
                text(root.path("event")),
                timestamp(root.path("timestamp")),
                text(root.path("token")),
                new AircallWebhook.Data(
                        text(data.path("id")),
                        text(data.path("direction")),
                        text(data.path("status")),
                        text(data.path("external_number")),
                        text(data.path("raw_digits")),
                        text(data.path("body")),
                        text(data.path("number").path("id")),
                        text(data.path("user").path("id")),
                        duration(data.path("duration"))));
    }

    /** A scalar as text (Aircall ids are numbers); objects and arrays are not text. */
    private static @Nullable String text(JsonNode node) {
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isIntegralNumber()) {
            return node.asString();
        }
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        throw new InvalidCallback("a field holds " + node.getNodeType().name().toLowerCase() + " where text was expected");
    }

    private static @Nullable Long timestamp(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isString() && node.stringValue().matches("\\d{1,15}")) {
            return Long.parseLong(node.stringValue());
        }
        throw new InvalidCallback("timestamp must be seconds since the epoch");
    }

    private static @Nullable Integer duration(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        throw new InvalidCallback("data.duration must be a number of seconds");
    }
}
