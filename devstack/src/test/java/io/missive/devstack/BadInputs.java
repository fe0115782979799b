package io.missive.devstack;

import io.missive.schemas.topics.Topic;
import io.missive.schemas.topics.Topics;
import io.missive.simulators.DevSecrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bad input for every endpoint and every consumed topic: malformed JSON, wrong types, huge bodies,
 * unknown variables, invalid phone numbers, injection strings, wrong or missing tokens, bytes that
 * are not events and events of the wrong type.
 */
final class BadInputs {

    /** One HTTP request: method, path on a service, body (or null), headers. */
    record Request(String service, String method, String path, String body, Map<String, String> headers) {

        String endpoint() {
            return service + " " + method + " " + path.replaceAll("\\?.*", "").replaceAll("/[^/]*(%|<|'|;|\\.\\.)[^/]*", "/{bad}");
        }
    }

    static final String HUGE = "x".repeat(3 * 1024 * 1024);
    static final List<String> NASTY_STRINGS = List.of("'; drop table text_message_events; --", "<script>alert(1)</script>",
            "../../etc/passwd", "%00", "${jndi:ldap://127.0.0.1/a}", "\u0000\u0001\u0002", "💥".repeat(500), "-1", "9".repeat(400));
    private static final List<String> BAD_JSON = List.of("{", "[]", "null", "{\"commandId\":", "{\"recipients\":\"not a list\"}",
            "{\"commandId\":42,\"recipients\":[{\"selector\":7}],\"message\":true}", "\"just a string\"", "{}{}", "{\"a\":1e999999}");

    private BadInputs() {
    }

    static List<Request> requests(DevSecrets secrets) {
        var requests = new ArrayList<Request>();
        var json = Map.of("Content-Type", "application/json");
        // scheduler-service
        for (var body : BAD_JSON) {
            requests.add(new Request("scheduler-service", "POST", "/api/v1/programs", body, json));
            requests.add(new Request("scheduler-service", "POST", "/api/v1/directory/import", body, json));
        }
        requests.add(new Request("scheduler-service", "POST", "/api/v1/programs", "{\"commandId\":\"" + HUGE + "\"}", json));
        requests.add(new Request("scheduler-service", "POST", "/api/v1/directory/import", "{\"parents\":[{\"id\":\"" + HUGE + "\"}]}", json));
        requests.add(new Request("scheduler-service", "POST", "/api/v1/programs", program("{PRENOM_INCONNU} bonjour", "{\"selector\":\"parent.1\"}"), json));
        requests.add(new Request("scheduler-service", "POST", "/api/v1/programs", program("Bonjour", "{\"phone\":\"not-a-phone\",\"variables\":{}}"), json));
        requests.add(new Request("scheduler-service", "POST", "/api/v1/programs", program("Bonjour", "{\"selector\":\"planet.9\"}"), json));
        requests.add(new Request("scheduler-service", "POST", "/api/v1/programs", program("Bonjour", "{\"selector\":\"parent.1\"}")
                .replace("\"plannedAt\":null", "\"plannedAt\":\"tomorrow-ish\""), json));
        requests.add(new Request("scheduler-service", "POST", "/api/v1/directory/import",
                "{\"redirectionTargets\":[{\"id\":\"evil\",\"url\":\"javascript:alert(1)\"}]}", json));
        requests.add(new Request("scheduler-service", "POST", "/api/v1/programs", "<xml/>", Map.of("Content-Type", "application/xml")));
        for (var nasty : NASTY_STRINGS) {
            var encoded = java.net.URLEncoder.encode(nasty, java.nio.charset.StandardCharsets.UTF_8);
            requests.add(new Request("scheduler-service", "POST", "/api/v1/programs", program(nasty, "{\"selector\":\"" + nasty.replace("\"", "") + "\"}"), json));
            requests.add(new Request("scheduler-service", "GET", "/api/v1/programs/" + encoded, null, Map.of()));
            requests.add(new Request("scheduler-service", "DELETE", "/api/v1/programs/" + encoded, null, Map.of()));
            requests.add(new Request("status-tracker", "GET", "/api/v1/messages/" + encoded, null, Map.of()));
            requests.add(new Request("status-tracker", "GET", "/api/v1/campaigns/" + encoded, null, Map.of()));
            requests.add(new Request("status-tracker", "GET", "/api/v1/parents/" + encoded + "/messages", null, Map.of()));
            requests.add(new Request("status-tracker", "GET", "/api/v1/inbound?page=" + encoded + "&size=" + encoded, null, Map.of()));
            requests.add(new Request("webhook-gateway", "GET", "/r/" + encoded, null, Map.of()));
            requests.add(new Request("webhook-gateway", "GET", "/spot_hit/status?id_message=" + encoded + "&statut=" + encoded + "&numero=" + encoded, null, Map.of()));
            requests.add(new Request("webhook-gateway", "GET", "/spot_hit/stop?numero=" + encoded, null, Map.of()));
            requests.add(new Request("webhook-gateway", "GET", "/spot_hit/response?numero=" + encoded + "&message=" + encoded, null, Map.of()));
            requests.add(new Request("webhook-gateway", "PUT", "/events/" + encoded + "/update_status", "{\"statut\":\"" + nasty.replace("\"", "") + "\"}", json));
        }
        requests.add(new Request("status-tracker", "GET", "/api/v1/inbound?page=-1&size=100000000", null, Map.of()));
        requests.add(new Request("webhook-gateway", "GET", "/spot_hit/status?statut=1", null, Map.of()));
        requests.add(new Request("webhook-gateway", "GET", "/spot_hit/status?id_message=1&statut=9", null, Map.of()));
        requests.add(new Request("webhook-gateway", "POST", "/events/spot_hit_stop", "numero=", Map.of("Content-Type", "application/x-www-form-urlencoded")));
        requests.add(new Request("webhook-gateway", "POST", "/events/spot_hit_response", HUGE, Map.of("Content-Type", "application/x-www-form-urlencoded")));
        // SpotHit's RCS events: malformed JSON, wrong shapes, missing fields, unknown statuses, a huge body.
        for (var body : List.of("{", "[]", "{\"events\":{}}", "{\"events\":[1]}", "{\"events\":[{\"messageStatusChanged\":[]}]}",
                "{\"events\":[{\"messageStatusChanged\":{\"status\":\"READ\",\"userId\":\"12\",\"context\":{\"campaign_id\":1}}}]}",
                "{\"events\":[{\"messageStatusChanged\":{\"status\":{},\"userId\":\"+33612345678\",\"context\":{\"campaign_id\":1}}}]}",
                "{\"events\":[{\"messageStatusChanged\":{\"status\":\"WARPED\",\"userId\":\"+33612345678\",\"context\":{\"campaign_id\":\"no-such\"}}}]}",
                HUGE)) {
            requests.add(new Request("webhook-gateway", "POST", "/spot_hit/rcs", body, Map.of("Content-Type", "application/json")));
        }
        // Aircall webhooks: wrong, missing and swapped tokens, malformed and huge bodies.
        var endpoints = Map.of("/aircall/messages", secrets.aircallMessageToken(), "/aircall/calls", secrets.aircallCallToken(),
                "/aircall/events_messages_status_updated", secrets.aircallStatusToken());
        endpoints.forEach((path, token) -> {
            requests.add(new Request("webhook-gateway", "POST", path, aircall("message.received", "wrong-token"), json));
            requests.add(new Request("webhook-gateway", "POST", path, aircall("message.received", null), json));
            requests.add(new Request("webhook-gateway", "POST", path, aircall("message.received", secrets.aircallInsightCardsToken()), json));
            requests.add(new Request("webhook-gateway", "POST", path, token.substring(0, token.length() - 1), json));
            requests.add(new Request("webhook-gateway", "POST", path, "{\"token\":\"" + token + "\",\"data\":" + HUGE.length() + "}", json));
            requests.add(new Request("webhook-gateway", "POST", path, "{\"token\":\"" + token + "\",\"event\":7,\"data\":[]}", json));
            requests.add(new Request("webhook-gateway", "POST", path, "{\"token\":\"" + token + "\",\"data\":\"" + HUGE + "\"}", json));
            for (var body : BAD_JSON) {
                requests.add(new Request("webhook-gateway", "POST", path, body, json));
            }
        });
        // SpotHit callbacks carry the callback secret, so that the bad input reaches their validation;
        // and a few without it or with a forged one, which must be refused.
        var withSecret = new ArrayList<Request>();
        var secret = "secret=" + java.net.URLEncoder.encode(secrets.spotHitCallbackSecret(), java.nio.charset.StandardCharsets.UTF_8);
        for (var request : requests) {
            var spotHit = request.service().equals("webhook-gateway")
                    && (request.path().startsWith("/spot_hit") || request.path().startsWith("/events/"));
            withSecret.add(spotHit ? new Request(request.service(), request.method(),
                    request.path() + (request.path().contains("?") ? "&" : "?") + secret, request.body(), request.headers()) : request);
        }
        withSecret.add(new Request("webhook-gateway", "GET", "/spot_hit/stop?numero=0612345678", null, Map.of()));
        withSecret.add(new Request("webhook-gateway", "GET", "/spot_hit/stop?numero=0612345678&secret=forged", null, Map.of()));
        withSecret.add(new Request("webhook-gateway", "GET", "/spot_hit/status?id_message=1&statut=1&secret=", null, Map.of()));
        return withSecret;
    }

    /** The topics some service consumes, each with what a careless or hostile writer could put there. */
    static List<Topic> consumedTopics() {
        return List.of(Topics.COMMANDS, Topics.DIRECTORY, Topics.PLANNED, Topics.SPOTHIT_REQUESTED, Topics.AIRCALL_REQUESTED,
                Topics.STATUS, Topics.INBOUND, Topics.OPTOUTS, Topics.LINKS_CLICKED, Topics.AIRCALL_MESSAGES, Topics.AIRCALL_CALLS,
                Topics.AUDIT);
    }

    static List<byte[]> malformedRecords() {
        return List.of("not avro at all".getBytes(), new byte[] {(byte) 0xC3, 0x01}, new byte[] {(byte) 0xC3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9},
                new byte[0], "{\"json\":\"instead of avro\"}".getBytes());
    }

    private static String program(String message, String recipient) {
        return "{\"commandId\":\"bad-" + Math.abs(message.hashCode()) + "\",\"plannedAt\":null,\"recipients\":[" + recipient
                + "],\"message\":" + StackHttp.JSON.getNodeFactory().textNode(message) + "}";
    }

    private static String aircall(String event, String token) {
        return "{\"resource\":\"message\",\"event\":\"" + event + "\",\"timestamp\":1700000000," + (token == null ? "" : "\"token\":\"" + token + "\",")
                + "\"data\":{\"id\":1,\"direction\":\"inbound\",\"external_number\":\"+33612345678\",\"body\":\"hi\",\"number\":{\"id\":123}}}";
    }
}
