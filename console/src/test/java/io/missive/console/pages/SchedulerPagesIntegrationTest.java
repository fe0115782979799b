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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
 * The pages that call the scheduler, with a stand-in answering its documented JSON ({@code GET /api/v1/directory/search},
 * {@code POST /api/v1/programs/preview}, {@code GET /api/v1/programs/{id}}): Compose's recipient pickers, its preview,
 * "Revenir" from the confirmation, the person's own Aircall number, and a campaign's page.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "missive.console.admin-email=" + ADMIN_EMAIL,
        "missive.console.admin-password=" + ADMIN_PASSWORD,
        "missive.console.signing-key-file=${java.io.tmpdir}/missive-console-tests/signing-key.pem",
        "missive.console.backends.tracker=http://localhost:1",
        "missive.console.backends.gateway=http://localhost:1"})
class SchedulerPagesIntegrationTest {

    private static final String XSS = "<img src=x onerror=alert(1)>";
    private static final List<String> CALLS = new CopyOnWriteArrayList<>();
    private static final StandIn SCHEDULER = StandIn.start(SchedulerPagesIntegrationTest::scheduler);

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    PasswordEncoder passwords;

    @DynamicPropertySource
    static void schedulerUrl(DynamicPropertyRegistry registry) {
        registry.add("missive.console.backends.scheduler", SCHEDULER::url);
    }

    @AfterAll
    static void stopScheduler() {
        SCHEDULER.close();
    }

    @Test
    void aSearchAsksTheSchedulerAndShowsEachResultEscapedAsAButtonThatAddsIt() {
        try (var browser = new ConsoleHttp(port)) {
            browser.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
            CALLS.clear();
            var results = browser.getWith("/composer/destinataires?kind=parent&q=%C3%A9lo", Map.of("HX-Request", "true"));

            assertThat(results.statusCode()).isEqualTo(200);
            assertThat(CALLS).containsExactly("GET /api/v1/directory/search kind=parent&q=élo Bearer");
            assertThat(results.body()).contains("<strong>Élodie</strong>", "<code>parent.s1</code>", "enfants : Léa, Tom",
                    "hx-get=\"/composer/destinataires/choix?selector=parent.s1&amp;name=%C3%89lodie\"", "hx-target=\"#chips\"",
                    "&lt;img src=x onerror=alert(1)&gt;").doesNotContain(XSS);

            var nothing = browser.getWith("/composer/destinataires?kind=group&q=zzz", Map.of("HX-Request", "true"));
            assertThat(nothing.body()).contains("Aucun résultat.");
            CALLS.clear();
            assertThat(browser.getWith("/composer/destinataires?kind=tag&q=%20", Map.of("HX-Request", "true")).statusCode()).isEqualTo(200);
            assertThat(CALLS).as("nothing typed, nothing asked").isEmpty();
            assertThat(browser.getWith("/composer/destinataires?kind=supporter&q=a", Map.of("HX-Request", "true")).statusCode()).isEqualTo(400);
        }
    }

    @Test
    void aChosenResultBecomesARemovableChipOnceAndTheFormSendsItsSelector() {
        try (var browser = new ConsoleHttp(port)) {
            browser.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
            var chip = browser.getWith("/composer/destinataires/choix?selector=parent.s1&name=%C3%89lodie", Map.of("HX-Request", "true"));
            assertThat(chip.statusCode()).isEqualTo(200);
            assertThat(chip.headers().firstValue("HX-Trigger")).hasValue("recipients-changed");
            assertThat(chip.body()).contains("<input type=\"hidden\" name=\"picked\" value=\"parent.s1 Élodie\">",
                    "<span class=\"chip-name\">Élodie</span>", "aria-label=\"Retirer Élodie (parent.s1)\"", "hx-swap=\"delete\"");

            var again = browser.getWith("/composer/destinataires/choix?selector=parent.s1&name=%C3%89lodie&picked=parent.s1%20%C3%89lodie",
                    Map.of("HX-Request", "true"));
            assertThat(again.body()).as("already a chip").doesNotContain("picked");
            assertThat(again.headers().firstValue("HX-Trigger")).isEmpty();
            assertThat(browser.getWith("/composer/destinataires/choix?selector=phone.0612&name=x", Map.of()).statusCode()).isEqualTo(400);
            var removed = browser.getWith("/composer/destinataires/retrait", Map.of("HX-Request", "true"));
            assertThat(removed.headers().firstValue("HX-Trigger")).hasValue("recipients-changed");

            CALLS.clear();
            var preview = browser.submitAll("/composer", "/composer/apercu", List.of(Map.entry("message", "Bonjour {PRENOM_ENFANT}"),
                    Map.entry("picked", "parent.s1 Élodie"), Map.entry("picked", "group.g2 Moyenne section"),
                    Map.entry("recipients", "parent.s1\n+33612345678")));
            assertThat(preview.statusCode()).isEqualTo(200);
            assertThat(CALLS).hasSize(1);
            assertThat(CALLS.getFirst()).startsWith("POST /api/v1/programs/preview")
                    .contains("\"recipients\":[{\"selector\":\"parent.s1\"},{\"selector\":\"group.g2\"},{\"phone\":\"+33612345678\"}]");

            // The confirmation carries the chips on to programming.
            var confirm = browser.submitAll("/composer", "/composer/confirmer", List.of(Map.entry("message", "Bonjour"),
                    Map.entry("picked", "parent.s1 Élodie")));
            assertThat(confirm.body()).contains("<input type=\"hidden\" name=\"picked\" value=\"parent.s1 Élodie\">",
                    "formaction=\"/composer/modifier\"");

            // "Revenir" goes back to the form as it was: the chips, the message, the time and the provider.
            var back = browser.submitAll("/composer", "/composer/modifier", List.of(Map.entry("message", "Bonjour {PRENOM_ENFANT}"),
                    Map.entry("picked", "parent.s1 Élodie"), Map.entry("recipients", "+33612345678"),
                    Map.entry("plannedDate", "2026-12-24"), Map.entry("plannedHour", "09:30"), Map.entry("provider", "SPOTHIT")));
            assertThat(back.statusCode()).isEqualTo(200);
            assertThat(back.body()).contains("<input type=\"hidden\" name=\"picked\" value=\"parent.s1 Élodie\">",
                    "<span class=\"chip-name\">Élodie</span>", ">Bonjour {PRENOM_ENFANT}</textarea>", ">+33612345678</textarea>",
                    "name=\"plannedDate\" value=\"2026-12-24\"", "name=\"plannedHour\" value=\"09:30\"",
                    "<option value=\"SPOTHIT\" selected=\"selected\"");
        }
    }

    @Test
    void aCampaignsPageListsItsFirstFailuresAndDropsAndCountsThemAllByReason() {
        try (var browser = new ConsoleHttp(port)) {
            browser.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
            CALLS.clear();
            var page = browser.get("/campagnes/big-1", null);
            // Counts are written the French way, thousands apart by a narrow no-break space.
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(CALLS).as("the first 50 asked, not every drop").contains("GET /api/v1/programs/big-1 limit=50 Bearer");
            assertThat(page.body()).contains("Numéro invalide : 7\u202f000 écarté(s)", "Désinscrit (STOP) : 120 écarté(s)",
                    "MISSING_VARIABLE:PARENT_ADDRESS : 2 en échec", "Destinataires écartés : les 50 premiers sur 7\u202f120",
                    "<td>parent.100</td>", "Messages en échec à l’acceptation</caption>")
                    .doesNotContain("les 50 premiers sur 2");
        }
    }

    @Test
    void theComposePageOffersThePickersWithLabelsAndNoInlineScript() {
        try (var browser = new ConsoleHttp(port)) {
            browser.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
            var page = browser.get("/composer", null).body();
            assertThat(page).contains("<label for=\"pick-kind\">Chercher parmi</label>", "<label for=\"pick-q\">Nom ou identifiant</label>",
                    "hx-trigger=\"input changed delay:300ms consume\"", "form=\"picker\"", "<ul id=\"chips\"",
                    "recipients-changed delay:200ms").doesNotContain("<script>", "onclick");
        }
    }

    @Test
    void composeOffersThePersonsOwnAircallNumberWhichAnAdminSets() {
        people.add("aircaller@missive.test", passwords.encode("a staff password"), Role.STAFF, "test");
        try (var admin = new ConsoleHttp(port); var staff = new ConsoleHttp(port)) {
            admin.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
            var refused = admin.submit("/admin/utilisateurs", "/admin/utilisateurs/aircall",
                    Map.of("email", "aircaller@missive.test", "aircallNumberId", "<b>1</b>"));
            assertThat(refused.statusCode()).isEqualTo(302);
            assertThat(people.find("aircaller@missive.test").orElseThrow().aircallNumberId()).isNull();

            var set = admin.submit("/admin/utilisateurs", "/admin/utilisateurs/aircall",
                    Map.of("email", "aircaller@missive.test", "aircallNumberId", " 4242 "));
            assertThat(set.statusCode()).isEqualTo(302);
            assertThat(people.find("aircaller@missive.test").orElseThrow().aircallNumberId()).isEqualTo("4242");
            assertThat(admin.get("/admin/utilisateurs", null).body()).contains("Numéro Aircall de aircaller@missive.test enregistré.",
                    "name=\"aircallNumberId\" value=\"4242\"");

            staff.signIn("aircaller@missive.test", "a staff password");
            assertThat(staff.get("/composer", null).body()).contains("id=\"aircallNumberId\" type=\"text\" name=\"aircallNumberId\" value=\"4242\"");
            assertThat(admin.get("/composer", null).body()).as("an admin without a number of their own")
                    .contains("id=\"aircallNumberId\" type=\"text\" name=\"aircallNumberId\" value=\"\"");
            // Staff may not set numbers.
            assertThat(staff.submit("/composer", "/admin/utilisateurs/aircall", Map.of("email", "aircaller@missive.test",
                    "aircallNumberId", "1")).statusCode()).isEqualTo(403);

            admin.submit("/admin/utilisateurs", "/admin/utilisateurs/aircall", Map.of("email", "aircaller@missive.test", "aircallNumberId", ""));
            assertThat(people.find("aircaller@missive.test").orElseThrow().aircallNumberId()).as("blank removes it").isNull();
        }
    }

    @Test
    void thePreviewSaysWhichChannelEachMessageTakesUnderTheRcsMode() {
        try (var browser = new ConsoleHttp(port)) {
            browser.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
            var preview = browser.submit("/composer", "/composer/apercu", Map.of("message", "Bonjour", "recipients", "parent.1"));

            assertThat(preview.statusCode()).isEqualTo(200);
            assertThat(preview.body()).contains("<dd id=\"preview-channel\">RCS basique</dd>")
                    .containsPattern("(?s)id=\"preview-channels\".*Par canal.*RCS basique 2, .*SMS 1")
                    .contains("(mode RCS : textes courts (160 octets au plus) en RCS basique)")
                    .contains("8 caractères · 1 SMS · GSM7 · RCS basique")
                    .contains("caractères · 2 SMS · UCS2 · SMS")
                    .doesNotContain(XSS).contains("&lt;img src=x onerror=alert(1)&gt;");
        }
    }

    /** A campaign of a million recipients as the scheduler answers {@code ?limit=50}: 50 drops listed, all counted. */
    private static String bigCampaign() {
        var dropped = new StringBuilder();
        for (int n = 1; n <= 50; n++) {
            dropped.append(n == 1 ? "" : ",").append("{\"recipient\":\"parent.").append(n * 100).append("\",\"reason\":\"INVALID_PHONE\"}");
        }
        return """
                {"commandId":"big-1","replay":false,"state":"DONE","provider":"SPOTHIT","plannedAt":"2026-12-02T10:00:00Z",
                 "recipients":1000000,"accepted":999998,"publishedThroughSeq":999998,"cancelled":0,
                 "failed":[{"recipient":"parent.7","messageId":"m-7","reason":"MISSING_VARIABLE:PARENT_ADDRESS"},
                           {"recipient":"parent.9","messageId":"m-9","reason":"MISSING_VARIABLE:PARENT_ADDRESS"}],
                 "dropped":[%s],"failedByReason":{"MISSING_VARIABLE:PARENT_ADDRESS":2},
                 "droppedByReason":{"INVALID_PHONE":7000,"OPTED_OUT":120},"notices":[],"urgent":false}""".formatted(dropped);
    }

    /** The scheduler's search, its preview (two short messages as RCS basic, one long one as SMS), its variables and one campaign. */
    private static StandIn.Answer scheduler(HttpExchange exchange) {
        var path = exchange.getRequestURI().getPath();
        var query = exchange.getRequestURI().getRawQuery();
        var sent = StandIn.body(exchange);
        var bearer = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")).startsWith("Bearer ") ? "Bearer" : "none";
        if (!path.equals("/api/v1/variables")) {
            CALLS.add(exchange.getRequestMethod() + " " + path + " "
                    + (query == null ? sent : URLDecoder.decode(query, StandardCharsets.UTF_8)) + " " + bearer);
        }
        return StandIn.Answer.ok(switch (path) {
            case "/api/v1/directory/search" -> query.contains("q=zzz") ? "{\"kind\":\"group\",\"q\":\"zzz\",\"results\":[]}" : """
                    {"kind":"parent","q":"élo","results":[
                     {"kind":"parent","id":"s1","selector":"parent.s1","name":"Élodie","context":["Léa","Tom"]},
                     {"kind":"parent","id":"s2","selector":"parent.s2","name":"%s","context":[]}]}""".formatted(XSS);
            case "/api/v1/programs/preview" -> """
                    {"commandId":"console-1","askedAt":"2026-12-02T10:00:00Z","plannedAt":"2026-12-02T10:00:00Z","notices":[],
                     "provider":"SPOTHIT","aircallNumberId":null,"channel":"RCS_BASIC","recipients":3,"sendable":3,"dropped":0,
                     "drops":{},"failures":{},"smsUnits":4,"encodings":{"GSM7":2,"UCS2":1},"guard":"PASS",
                     "channels":{"RCS_BASIC":2,"SMS":1},"rcsMode":"short-as-basic",
                     "samples":[
                      {"messageId":"m1","recipient":"parent:1","parentId":"1","parentName":"Awa","childId":null,"body":"Bonjour!",
                       "characters":8,"segments":1,"encoding":"GSM7","ucs2Character":null,"channel":"RCS_BASIC","missing":[]},
                      {"messageId":"m2","recipient":"parent:2","parentId":"2","parentName":"%s","childId":null,"body":"Bonjour",
                       "characters":7,"segments":1,"encoding":"GSM7","ucs2Character":null,"channel":"RCS_BASIC","missing":[]},
                      {"messageId":"m3","recipient":"parent:3","parentId":"3","parentName":"Léo","childId":null,"body":"%s",
                       "characters":100,"segments":2,"encoding":"UCS2","ucs2Character":"€","channel":"SMS","missing":[]}]}"""
                    .formatted(XSS, "€".repeat(100));
            case "/api/v1/programs/big-1" -> bigCampaign();
            default -> "{\"variables\":[]}";
        });
    }
}
