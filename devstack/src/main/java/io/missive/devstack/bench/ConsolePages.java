package io.missive.devstack.bench;

import io.missive.devstack.Stack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How fast the console's pages answer a signed-in admin with the benchmark's campaign in the Events store
 * (issue 21: under 300 ms each). Signs in through the form as a person would, then times each page in turn:
 * a few warm-up requests, then {@code ROUNDS} timed ones, p50 and p99 of the whole round trip, the console's
 * calls to the scheduler and the tracker included.
 */
final class ConsolePages {

    private static final int WARM_UP = 3;
    static final int ROUNDS = 30;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final Stack stack;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();

    ConsolePages(Stack stack) {
        this.stack = stack;
    }

    /** Milliseconds per page, by the page's path; {@code messageId} is one of {@code campaignId}'s messages. */
    Map<String, BenchReport.Percentiles> time(String campaignId, String messageId) {
        signIn();
        var pages = new LinkedHashMap<String, String>();
        pages.put("campaigns", "/campagnes");
        pages.put("campaign", "/campagnes/" + campaignId);
        pages.put("campaign progress", "/campagnes/" + campaignId + "/etat");
        pages.put("message", "/messages/" + messageId);
        pages.put("compose", "/composer");
        pages.put("replies", "/reponses");
        pages.put("opt-outs", "/desinscriptions");
        pages.put("guard", "/garde");
        pages.put("audit", "/admin/audit");
        var millis = new LinkedHashMap<String, BenchReport.Percentiles>();
        pages.forEach((name, path) -> millis.put(name, time(path)));
        return millis;
    }

    private BenchReport.Percentiles time(String path) {
        for (int i = 0; i < WARM_UP; i++) {
            get(path);
        }
        var samples = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long started = System.nanoTime();
            get(path);
            samples[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(samples);
        return new BenchReport.Percentiles(round(samples[ROUNDS / 2]), round(samples[(int) Math.ceil(ROUNDS * 0.99) - 1]));
    }

    private void signIn() {
        var access = stack.access();
        var form = get("/login");
        var csrf = CSRF.matcher(form);
        if (!csrf.find()) {
            throw new IllegalStateException("the console's sign-in page has no CSRF token");
        }
        var body = "email=" + encode(access.adminEmail()) + "&password=" + encode(access.adminPassword())
                + "&_csrf=" + encode(csrf.group(1));
        var signedIn = send(HttpRequest.newBuilder(uri("/login")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (signedIn.uri().getPath().startsWith("/login")) {
            throw new IllegalStateException("the benchmark could not sign in to the console as " + access.adminEmail());
        }
    }

    private String get(String path) {
        var response = send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build());
        if (response.statusCode() != 200 || response.uri().getPath().startsWith("/login") && !path.equals("/login")) {
            throw new IllegalStateException("console page " + path + " answered " + response.statusCode() + " at " + response.uri());
        }
        return response.body();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("console page " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private URI uri(String path) {
        return URI.create(stack.url("console") + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static double round(double millis) {
        return Math.round(millis * 10) / 10.0;
    }
}
