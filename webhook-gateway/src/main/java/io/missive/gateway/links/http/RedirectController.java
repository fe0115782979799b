package io.missive.gateway.links.http;

import io.missive.gateway.links.LinkRedirects;
import io.missive.gateway.publishing.EventSink;
import io.missive.gateway.publishing.EventsUnavailable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /r/{code}}: a parent's click. Redirects only to the target registered for the code. The click
 * is published before the redirect; if the broker does not answer quickly the parent is still sent
 * on (a working link matters more than one click count), and the lost click is logged and counted.
 */
@RestController
@Tag(name = "Tracked links")
class RedirectController {

    private static final Logger log = LoggerFactory.getLogger(RedirectController.class);
    private static final String NOT_FOUND_PAGE = """
            <!doctype html>
            <html lang="fr"><head><meta charset="utf-8"><title>Lien introuvable</title></head>
            <body><h1>Lien introuvable</h1><p>Ce lien n'existe pas ou n'est plus valable.</p></body></html>
            """;

    private final LinkRedirects redirects;
    private final EventSink sink;
    private final Duration clickWait;
    private final Counter unpublishedClicks;

    // The value is validated with the rest of GatewayProperties; read here so links need not import config.
    RedirectController(LinkRedirects redirects, EventSink sink,
            @Value("${missive.gateway.click-publish-timeout}") Duration clickWait, MeterRegistry meters) {
        this.redirects = redirects;
        this.sink = sink;
        this.clickWait = clickWait;
        this.unpublishedClicks = meters.counter("missive.gateway.link.clicks.unpublished");
    }

    @GetMapping("/r/{code}")
    @Operation(summary = "Follow a tracked link: 302 to its registered target, 404 page for an unknown code")
    ResponseEntity<String> follow(@PathVariable String code, HttpMethod method) {
        var link = redirects.resolve(code);
        if (link.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                    .body(NOT_FOUND_PAGE);
        }
        if (method == HttpMethod.HEAD) {
            // link previewers and checkers ask with HEAD: they are not a parent's click
            return redirect(link.get().targetUrl());
        }
        var clicked = redirects.clicked(link.get());
        try {
            sink.publishAll(List.of(clicked), clickWait);
            log.info("link_clicked messageId={} code={} eventId={}", link.get().messageId(), code, clicked.eventId());
        } catch (EventsUnavailable e) {
            unpublishedClicks.increment();
            log.error("link_click_unpublished messageId={} code={} reason=\"{}\"", link.get().messageId(), code, e.getMessage());
        }
        return redirect(link.get().targetUrl());
    }

    private static ResponseEntity<String> redirect(String target) {
        return ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create(target))
                .cacheControl(CacheControl.noStore())
                .build();
    }
}
