package io.missive.aircall.cards.http;

import io.missive.aircall.cards.CardOutcome;
import io.missive.aircall.cards.InsightCard;
import io.missive.aircall.cards.InsightCardPort;
import io.missive.aircall.dispatch.http.AircallApi;
import io.missive.aircall.dispatch.http.AircallClient;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Aircall's {@code POST {base}/v1/calls/{call_id}/insight_cards} with HTTP Basic and
 * {@code {"contents": [{"type": "title", "text"}, {"type": "shortText", "label", "text"}…]}}. 2xx
 * posted; 429 throttled until {@code X-AircallApi-Reset}; 5xx, unreachable and timeouts worth
 * another attempt while the phone rings; other 4xx (the call is over, the card refused) final.
 */
public final class AircallInsightCardClient implements InsightCardPort {

    private final AircallApi api;
    private final Duration requestTimeout;
    private final JsonMapper json;
    private final Clock clock;

    public AircallInsightCardClient(String baseUrl, String apiId, String apiToken, Duration connectTimeout,
                                    Duration requestTimeout, JsonMapper json, Clock clock) {
        this.api = new AircallApi(baseUrl, apiId, apiToken, connectTimeout);
        this.requestTimeout = requestTimeout;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public CardOutcome post(String callId, InsightCard card) {
        var path = "v1/calls/" + URLEncoder.encode(callId, StandardCharsets.UTF_8) + "/insight_cards";
        HttpResponse<String> response;
        try {
            response = api.postJson(path, payload(card), requestTimeout);
        } catch (IOException broken) {
            return new CardOutcome.Failed("AIRCALL_IO: " + broken.getClass().getSimpleName(), true, null);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new CardOutcome.Failed("AIRCALL_INTERRUPTED", false, null);
        }
        var rateLimit = AircallClient.rateLimit(response.headers());
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new CardOutcome.Posted(rateLimit);
        }
        if (status == 429) {
            return new CardOutcome.Throttled(rateLimit != null ? rateLimit.reset() : clock.instant().plusSeconds(60), rateLimit);
        }
        return new CardOutcome.Failed("AIRCALL_" + status, status >= 500, rateLimit);
    }

    /** The card as Aircall's blocks: the title first, then one shortText per line. */
    String payload(InsightCard card) {
        var body = json.createObjectNode();
        var contents = body.putArray("contents");
        contents.addObject().put("type", "title").put("text", card.title());
        for (var line : card.lines()) {
            contents.addObject().put("type", "shortText").put("label", line.label()).put("text", line.text());
        }
        return body.toString();
    }
}
