package io.missive.gateway.spothit.http;

import io.missive.gateway.publishing.EventSink;
import io.missive.gateway.publishing.OutgoingEvent;
import io.missive.gateway.spothit.SpotHitCallbacks;
import io.missive.gateway.web.http.CallbackAccepted;
import io.missive.gateway.webhooks.InvalidCallback;
import io.missive.schemas.logging.Masking;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * SpotHit's callbacks in both forms: the query-string GETs SpotHit really calls, and the routes of the programme's application
 * (parameters in the query or a form body). A 200 means the broker acknowledged every event.
 */
@RestController
@Tag(name = "SpotHit callbacks")
class SpotHitCallbackController {

    private static final Logger log = LoggerFactory.getLogger(SpotHitCallbackController.class);

    private final SpotHitCallbacks callbacks;
    private final EventSink sink;

    SpotHitCallbackController(SpotHitCallbacks callbacks, EventSink sink) {
        this.callbacks = callbacks;
        this.sink = sink;
    }

    @GetMapping("/spot_hit/status")
    @Operation(summary = "Delivery receipt: statut (0-5) for one number of a SpotHit campaign, or the whole campaign")
    CallbackAccepted status(@RequestParam(name = "id_message", required = false) @Nullable String idMessage,
                            @RequestParam(required = false) @Nullable String statut,
                            @RequestParam(required = false) @Nullable String numero,
                            @RequestParam(required = false) @Nullable String secret) {
        callbacks.authenticate("/spot_hit/status", secret);
        return receipt(idMessage, statut, numero);
    }

    @PutMapping("/events/{id}/update_status")
    @Operation(summary = "The programme's application's delivery receipt: {id} is SpotHit's id_message; statut and numero as parameters")
    CallbackAccepted updateStatus(@PathVariable String id,
                                  @RequestParam(name = "id_message", required = false) @Nullable String idMessage,
                                  @RequestParam(required = false) @Nullable String statut,
                                  @RequestParam(required = false) @Nullable String numero,
                                  @RequestParam(required = false) @Nullable String secret) {
        callbacks.authenticate("/events/{id}/update_status", secret);
        if (idMessage != null && !idMessage.isBlank() && !idMessage.strip().equals(id.strip())) {
            throw new InvalidCallback("id_message does not match the id in the path");
        }
        return receipt(id, statut, numero);
    }

    @GetMapping("/spot_hit/stop")
    @Operation(summary = "STOP from a number: opt-out and inbound message")
    CallbackAccepted stop(@RequestParam(required = false) @Nullable String numero,
                          @RequestParam(required = false) @Nullable String message,
                          @RequestParam(required = false) @Nullable String id,
                          @RequestParam(required = false) @Nullable String date,
                          @RequestParam(required = false) @Nullable String secret) {
        callbacks.authenticate("/spot_hit/stop", secret);
        return stopFrom(numero, message, id, date);
    }

    @PostMapping("/events/spot_hit_stop")
    @Operation(summary = "The programme's application's STOP callback (form or query parameters)")
    CallbackAccepted seedStop(@RequestParam(required = false) @Nullable String numero,
                              @RequestParam(required = false) @Nullable String message,
                              @RequestParam(required = false) @Nullable String id,
                              @RequestParam(required = false) @Nullable String date,
                              @RequestParam(required = false) @Nullable String secret) {
        callbacks.authenticate("/events/spot_hit_stop", secret);
        return stopFrom(numero, message, id, date);
    }

    @GetMapping("/spot_hit/response")
    @Operation(summary = "A parent's reply")
    CallbackAccepted response(@RequestParam(required = false) @Nullable String numero,
                              @RequestParam(required = false) @Nullable String message,
                              @RequestParam(required = false) @Nullable String id,
                              @RequestParam(required = false) @Nullable String date,
                              @RequestParam(required = false) @Nullable String secret) {
        callbacks.authenticate("/spot_hit/response", secret);
        return replyFrom(numero, message, id, date);
    }

    @PostMapping("/events/spot_hit_response")
    @Operation(summary = "The programme's application's reply callback (form or query parameters)")
    CallbackAccepted seedResponse(@RequestParam(required = false) @Nullable String numero,
                                  @RequestParam(required = false) @Nullable String message,
                                  @RequestParam(required = false) @Nullable String id,
                                  @RequestParam(required = false) @Nullable String date,
                                  @RequestParam(required = false) @Nullable String secret) {
        callbacks.authenticate("/events/spot_hit_response", secret);
        return replyFrom(numero, message, id, date);
    }

    private CallbackAccepted receipt(@Nullable String idMessage, @Nullable String statut, @Nullable String numero) {
        var events = callbacks.receipt(idMessage, statut, numero);
        sink.publishAll(events);
        // One receipt per recipient: a million INFO lines for a campaign that the Events store already tells message by
        // message (issue 22). Counted by http.server.requests; the line is there at DEBUG when a receipt needs following.
        if (log.isDebugEnabled()) {
            log.debug("spothit_receipt id_message={} statut={} phone={} eventId={}", idMessage, statut, Masking.phone(numero),
                    OutgoingEvent.eventIds(events));
        }
        return CallbackAccepted.published(events.size());
    }

    private CallbackAccepted stopFrom(@Nullable String numero, @Nullable String message, @Nullable String id, @Nullable String date) {
        var events = callbacks.stop(numero, message, id != null ? id : date);
        sink.publishAll(events);
        log.info("spothit_stop phone={} eventId={}", Masking.phone(numero), OutgoingEvent.eventIds(events));
        return CallbackAccepted.published(events.size());
    }

    private CallbackAccepted replyFrom(@Nullable String numero, @Nullable String message, @Nullable String id, @Nullable String date) {
        var events = callbacks.reply(numero, message, id != null ? id : date);
        sink.publishAll(events);
        log.info("spothit_reply phone={} length={} eventId={}", Masking.phone(numero), message == null ? 0 : message.length(), OutgoingEvent.eventIds(events));
        return CallbackAccepted.published(events.size());
    }
}
