package io.missive.console.pages;

import static io.missive.console.ConsoleTestSettings.ADMIN_EMAIL;
import static io.missive.console.ConsoleTestSettings.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import io.missive.console.ConsoleHttp;
import io.missive.console.StandIn;
import io.missive.console.people.People;
import io.missive.console.people.Role;
import io.missive.testkit.RealInfrastructure;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The pages over HTTP, with a stand-in for the tracker (an HTTP server answering its documented JSON)
 * and a scheduler that cannot be reached: who may see what, the headers every page carries, what a
 * page does when a service is down, and the token the console sends.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "missive.console.admin-email=" + ADMIN_EMAIL,
        "missive.console.admin-password=" + ADMIN_PASSWORD,
        "missive.console.signing-key-file=${java.io.tmpdir}/missive-console-tests/signing-key.pem",
        "missive.console.backends.scheduler=http://localhost:1",
        "missive.console.backends.gateway=http://localhost:1"})
class PagesIntegrationTest {

    private static final String XSS = "<img src=x onerror=alert(1)>";
    private static final List<String> AUTHORIZATIONS = new CopyOnWriteArrayList<>();
    private static final List<String> TRACKER_POSTS = new CopyOnWriteArrayList<>();
    private static final StandIn TRACKER = StandIn.start(PagesIntegrationTest::tracker);

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    PasswordEncoder passwords;

    @DynamicPropertySource
    static void trackerUrl(DynamicPropertyRegistry registry) {
        registry.add("missive.console.backends.tracker", TRACKER::url);
    }

    @AfterAll
    static void stopTracker() {
        TRACKER.close();
    }

    @Test
    void pagesNeedASignInAndHtmxIsToldToGoThereRatherThanSwapTheSignInPageIn() {
        try (var browser = new ConsoleHttp(port)) {
            assertThat(browser.get("/campagnes", null).headers().firstValue("Location")).hasValueSatisfying(
                    l -> assertThat(l).endsWith("/login"));
            var polled = browser.getWith("/campagnes/lignes", Map.of("HX-Request", "true"));
            assertThat(polled.statusCode()).isEqualTo(401);
            assertThat(polled.headers().firstValue("HX-Redirect")).hasValue("/login");

            var signIn = browser.get("/login", null);
            assertThat(signIn.statusCode()).isEqualTo(200);
            assertThat(signIn.body()).contains("<label for=\"email\">Adresse e-mail</label>", "<html lang=\"fr\"");
        }
    }

    @Test
    void everyPageCarriesAStrictPolicyAndNoInlineScript() {
        try (var browser = new ConsoleHttp(port)) {
            browser.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
            for (var page : List.of("/composer", "/campagnes", "/reponses", "/desinscriptions", "/garde", "/admin/utilisateurs",
                    "/admin/audit")) {
                var reply = browser.get(page, null);
                assertThat(reply.statusCode()).as(page).isEqualTo(200);
                assertThat(reply.headers().firstValue("Content-Security-Policy")).as(page).hasValueSatisfying(csp -> assertThat(csp)
                        .contains("script-src 'self'", "style-src 'self'", "object-src 'none'").doesNotContain("unsafe"));
                assertThat(reply.body()).as(page).doesNotContainPattern("<script(?![^>]*\\ssrc=)").doesNotContain(" style=", "onclick")
                        .doesNotContain("//cdn", "https://unpkg");
                assertThat(reply.body()).as(page + ": every form posts its CSRF token").satisfies(body -> {
                    int forms = body.split("method=\"post\"", -1).length - 1;
                    int tokens = body.split("name=\"_csrf\"", -1).length - 1;
                    assertThat(tokens).isEqualTo(forms);
                });
            }
            assertThat(browser.get("/webjars/htmx.org/dist/htmx.min.js", null).statusCode()).as("htmx from its webjar").isEqualTo(200);
        }
    }

    @Test
    void aCampaignsChannelsAreNamedAsStaffSayThem() {
        try (var browser = new ConsoleHttp(port)) {
            browser.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
            var page = browser.get("/campagnes/rcs-1", null);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<span>RCS basique 2, </span><span>SMS 1</span>").doesNotContain("RCS_BASIC");
        }
    }

    @Test
    void aServiceThatIsDownIsSaidSoAndThePageStillWorks() {
        try (var browser = new ConsoleHttp(port)) {
            browser.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
            var compose = browser.get("/composer", null);
            assertThat(compose.statusCode()).isEqualTo(200);
            assertThat(compose.body()).contains("La liste des variables est indisponible", "id=\"message\"");
            var preview = browser.submit("/composer", "/composer/apercu", Map.of("message", "Bonjour", "recipients", "parent.1"));
            assertThat(preview.statusCode()).isEqualTo(200);
            assertThat(preview.body()).contains("Le service SCHEDULER ne répond pas");
        }
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        try (var browser = new ConsoleHttp(port)) {
            browser.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
            var forged = browser.submitWithoutToken("/admin/utilisateurs",
                    Map.of("email", "intruder@missive.test", "motDePasse", "a long enough password", "role", "ADMIN"));
            // Refused: Spring Security takes a missing token for a lost session and sends the person to sign in again.
            assertThat(forged.statusCode()).isIn(302, 403);
            if (forged.statusCode() == 302) {
                assertThat(forged.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login"));
            }
            assertThat(people.find("intruder@missive.test")).isEmpty();
        }
    }

    @Test
    void aReplyIsEscapedAndTheTrackerIsCalledWithATokenForThePersonSignedIn() {
        people.add("reader@missive.test", passwords.encode("a staff password"), Role.STAFF, "test");
        try (var browser = new ConsoleHttp(port)) {
            browser.signIn("reader@missive.test", "a staff password");
            AUTHORIZATIONS.clear();
            var replies = browser.get("/reponses", null);
            assertThat(replies.statusCode()).isEqualTo(200);
            assertThat(replies.body()).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain(XSS);
            // Grouped by supporter, unread said, times in Europe/Paris; the reply tied to no supporter in a group of its own.
            assertThat(replies.body()).contains("Accompagnant s-7", "1 non lue(s)", "Sans accompagnant", "02/12/2026 11:00",
                    "/reponses/s-7/e1/lu").doesNotContain("2026-12-02T10:00:00Z", "/reponses/null/");

            assertThat(AUTHORIZATIONS).hasSize(1);
            var claims = new String(Base64.getUrlDecoder().decode(AUTHORIZATIONS.getFirst().substring("Bearer ".length()).split("\\.")[1]),
                    StandardCharsets.UTF_8);
            assertThat(claims).contains("\"sub\":\"reader@missive.test\"", "events:read").doesNotContain("guard:admin", "people:admin");
        }
    }

    @Test
    void aReplyIsMarkedReadInItsSupportersInbox() {
        try (var browser = new ConsoleHttp(port)) {
            browser.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
            TRACKER_POSTS.clear();

            var marked = browser.submit("/reponses", "/reponses/s-7/e1/lu", Map.of());

            assertThat(marked.statusCode()).isIn(200, 302);
            assertThat(TRACKER_POSTS).containsExactly("/api/v1/supporters/s-7/inbound/e1/read");
        }
    }

    @Test
    void staffAreRefusedTheAdminPages() {
        people.add("staff-pages@missive.test", passwords.encode("a staff password"), Role.STAFF, "test");
        try (var browser = new ConsoleHttp(port)) {
            browser.signIn("staff-pages@missive.test", "a staff password");
            for (var page : List.of("/admin/utilisateurs", "/admin/audit", "/garde")) {
                var refused = browser.getWith(page, Map.of("Accept", "text/html"));
                assertThat(refused.statusCode()).as(page).isEqualTo(403);
                assertThat(refused.body()).contains("réservée aux administrateurs");
            }
            assertThat(browser.get("/campagnes", null).body()).doesNotContain("/admin/utilisateurs");
        }
    }

    /** The tracker's {@code GET /api/v1/inbound} (its documented page shape), with a reply that tries to run a script. */
    private static StandIn.Answer tracker(HttpExchange exchange) {
        AUTHORIZATIONS.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        if (exchange.getRequestMethod().equals("POST")) {
            TRACKER_POSTS.add(exchange.getRequestURI().getPath());
            return new StandIn.Answer(204, "");
        }
        if (exchange.getRequestURI().getPath().equals("/api/v1/campaigns/rcs-1")) {
            return StandIn.Answer.ok("""
                    {"campaignId":"rcs-1","total":3,"byStatus":{"DELIVERED":2,"READ":1},"delivered":3,"read":1,"fallback":0,
                     "readRate":0.33,"byChannel":{"RCS_BASIC":2,"SMS":1},"waiting":{"messages":0,"nextAttemptAt":null}}""");
        }
        return StandIn.Answer.ok(exchange.getRequestURI().getPath().equals("/api/v1/inbound/by-supporter")
                ? """
                  {"items":[{"eventId":"e1","kind":"REPLY","provider":"spot_hit","phone":"+33612345678","body":"%s",
                  "receivedAt":"2026-12-02T10:00:00Z","parentIds":["p-1"],"readAt":null,"supporterId":"s-7"},
                  {"eventId":"e2","kind":"STOP","provider":"spot_hit","phone":"+33612345679","body":"STOP",
                  "receivedAt":"2026-12-02T09:00:00Z","parentIds":[],"readAt":null,"supporterId":null}],
                  "page":0,"size":50,"totalItems":2}"""
                        .formatted(XSS)
                : "{\"items\":[],\"page\":0,\"size\":20,\"totalItems\":0}");
    }
}
