package io.missive.gateway.spothit.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.missive.gateway.publishing.DeadLetters;
import io.missive.gateway.publishing.EventSink;
import io.missive.gateway.publishing.OutgoingEvent;
import io.missive.gateway.spothit.SpotHitCallbacks;
import io.missive.gateway.spothit.SpotHitRcsEvents;
import io.missive.gateway.web.http.CallbackAccepted;
import io.missive.gateway.webhooks.InvalidCallback;
import io.missive.schemas.topics.Topics;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
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
 * SpotHit's RCS status events: several per request, authenticated like the other SpotHit callbacks.
 * The 200 comes once every event is acknowledged by the broker; a malformed body is a 400 and nothing
 * is published; an unknown status is counted and dead-lettered, and the rest of the request applies.
 */
@RestController
@Tag(name = "SpotHit callbacks")
class SpotHitRcsController {

    static final String PATH = "/spot_hit/rcs";
    private static final Logger log = LoggerFactory.getLogger(SpotHitRcsController.class);

    private final SpotHitCallbacks callbacks;
    private final SpotHitRcsEvents rcs;
    private final EventSink sink;
    private final DeadLetters deadLetters;
    private final ObjectMapper json;
    private final MeterRegistry meters;

    SpotHitRcsController(SpotHitCallbacks callbacks, SpotHitRcsEvents rcs, EventSink sink, DeadLetters deadLetters,
                         ObjectMapper json, MeterRegistry meters) {
        this.callbacks = callbacks;
        this.rcs = rcs;
        this.sink = sink;
        this.deadLetters = deadLetters;
        this.json = json;
        this.meters = meters;
    }

    @PostMapping(PATH)
    @Operation(summary = "RCS status events {\"events\":[{\"messageStatusChanged\":{status, channelId, userId, context.campaign_id, error}}]}"
            + " → StatusUpdated by SpotHit campaign id and phone (READ → 6; channelId fallback marks an SMS fallback)")
    CallbackAccepted statusChanged(@RequestBody String body, @RequestParam(required = false) @Nullable String secret) {
        callbacks.authenticate(PATH, secret);
        var mapped = rcs.map(parse(body));
        sink.publishAll(mapped.events());
        for (var unknown : mapped.unknown()) {
            deadLetters.deadLetter(Topics.STATUS, unknown.campaignId(), unknown.raw(), "unknown RCS status " + unknown.status());
            meters.counter("missive.gateway.rcs.unknown.status").increment();
            log.warn("spothit_rcs_unknown_status campaignId={} status={}", unknown.campaignId(), unknown.status());
        }
        log.info("spothit_rcs published={} ignored={} unknown={} eventId={}", mapped.events().size(), mapped.ignored(),
                mapped.unknown().size(), OutgoingEvent.eventIds(mapped.events()));
        var notes = new ArrayList<String>();
        if (mapped.ignored() > 0) {
            notes.add(mapped.ignored() + " queued or scheduled");
        }
        if (!mapped.unknown().isEmpty()) {
            notes.add(mapped.unknown().size() + " unknown status dead-lettered");
        }
        return new CallbackAccepted(mapped.events().size(), notes.isEmpty() ? null : String.join(", ", notes));
    }

    private java.util.List<SpotHitRcsEvents.StatusChanged> parse(String body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidCallback("the body is not well-formed JSON");
        }
        if (root == null || !root.isObject() || !root.path("events").isArray()) {
            throw new InvalidCallback("the body must be a JSON object with an events array");
        }
        var changes = new ArrayList<SpotHitRcsEvents.StatusChanged>();
        int i = 0;
        for (var event : root.path("events")) {
            var change = event.path("messageStatusChanged");
            if (!change.isObject()) {
                throw new InvalidCallback("events[" + i + "].messageStatusChanged must be a JSON object");
            }
            var where = "events[" + i + "].messageStatusChanged.";
            changes.add(new SpotHitRcsEvents.StatusChanged(text(change.path("status"), where + "status"),
                    text(change.path("channelId"), where + "channelId"), text(change.path("userId"), where + "userId"),
                    text(change.path("context").path("campaign_id"), where + "context.campaign_id"),
                    errorText(change.path("error")), event.toString()));
            i++;
        }
        return changes;
    }

    /** A scalar as text (SpotHit's campaign ids are numbers); objects and arrays are not text. */
    private static @Nullable String text(JsonNode node, String name) {
        if (node.isString()) {
            return node.stringValue();
        }
        if (node.isIntegralNumber()) {
            return node.asString();
        }
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        throw new InvalidCallback(name + " holds " + node.getNodeType().name().toLowerCase() + " where text was expected");
    }

    /** The error as SpotHit gives it: a text, or an object kept as its JSON. */
    private static @Nullable String errorText(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        return node.isString() ? node.stringValue() : node.toString();
    }
}
