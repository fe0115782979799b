package io.missive.console.people;

import static io.missive.console.ConsoleTestSettings.ADMIN_EMAIL;
import static io.missive.console.ConsoleTestSettings.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.missive.console.ConsoleHttp;
import io.missive.events.AuditRecorded;
import io.missive.schemas.audit.AuditTrail;
import io.missive.schemas.audit.AuditUnavailableException;
import io.missive.schemas.audit.kafka.KafkaAuditTrail;
import io.missive.schemas.spring.EventPublisher;
import io.missive.schemas.topics.Topics;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.kafka.KafkaProbe;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Admins change a person's role and remove people from the Users page: each act on {@code missive.audit} before it
 * takes effect, none when the trail is away (503, nothing changed); the last admin stays; a removed person's session
 * ends at their next request and they cannot sign in again; a demoted admin loses the admin pages at their next one.
 */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "missive.console.admin-email=" + ADMIN_EMAIL,
        "missive.console.admin-password=" + ADMIN_PASSWORD,
        "missive.console.signing-key-file=${java.io.tmpdir}/missive-console-tests/signing-key.pem",
        "missive.console.backends.scheduler=http://localhost:1",
        "missive.console.backends.tracker=http://localhost:1",
        "missive.console.backends.gateway=http://localhost:1"})
class PeopleManagementIntegrationTest {

    private static final String USERS = "/admin/utilisateurs";
    private static final String PASSWORD = "a long enough password";

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    PasswordEncoder passwords;

    /** The real trail, refusing only acts on targets that name "refused": the trail away, for those acts alone. */
    @TestConfiguration
    static class RefusingTrail {
        @Bean
        AuditTrail auditTrail(EventPublisher publisher) {
            var kafka = new KafkaAuditTrail(publisher, "console", Clock.systemUTC(), Duration.ofSeconds(10));
            return act -> {
                if (act.target().contains("refused")) {
                    throw new AuditUnavailableException(act.act(), new IllegalStateException("broker away (test)"));
                }
                kafka.record(act);
            };
        }
    }

    @Test
    void aDemotedAdminLosesTheAdminPagesAtTheirNextRequestAndAPromotedOneGainsThem(TestNamespace namespace) {
        people.add("deputy@missive.test", passwords.encode(PASSWORD), Role.ADMIN, "test");
        people.add("clerk@missive.test", passwords.encode(PASSWORD), Role.STAFF, "test");
        try (var audit = KafkaProbe.fromBeginning(namespace, Topics.AUDIT);
             var admin = signedIn(ADMIN_EMAIL, ADMIN_PASSWORD);
             var deputy = signedIn("deputy@missive.test", PASSWORD);
             var clerk = signedIn("clerk@missive.test", PASSWORD)) {
            assertThat(page(deputy, USERS).statusCode()).isEqualTo(200);
            assertThat(page(clerk, USERS).statusCode()).isEqualTo(403);

            var demoted = admin.submit(USERS, USERS + "/role", Map.of("email", "deputy@missive.test", "role", "STAFF"));
            assertThat(demoted.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(USERS));
            assertThat(page(admin, USERS).body()).contains("deputy@missive.test a maintenant le rôle STAFF.");
            admin.submit(USERS, USERS + "/role", Map.of("email", "CLERK@missive.test", "role", "ADMIN"));

            // The same sessions, at their next request.
            var refused = page(deputy, USERS);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("réservée aux administrateurs");
            assertThat(deputy.get("/api/v1/me", null).body()).contains("ROLE_STAFF").doesNotContain("ROLE_ADMIN");
            assertThat(deputy.get("/api/v1/clients", null).statusCode()).isEqualTo(403);
            assertThat(page(clerk, USERS).statusCode()).isEqualTo(200);
            assertThat(clerk.get("/api/v1/me", null).body()).contains("ROLE_ADMIN");

            var entry = audit.awaitEvent(AuditRecorded.class, e -> e.getAct().equals("user.role")
                    && e.getTarget().equals("user:deputy@missive.test"), Duration.ofSeconds(30));
            assertThat(entry.getActor()).isEqualTo(ADMIN_EMAIL);
            assertThat(entry.getService()).isEqualTo("console");
            assertThat(entry.getFrom()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
            assertThat(entry.getDetails()).containsEntry("role", "STAFF").containsEntry("previousRole", "ADMIN");
            var promoted = audit.awaitEvent(AuditRecorded.class, e -> e.getAct().equals("user.role")
                    && e.getTarget().equals("user:clerk@missive.test"), Duration.ofSeconds(30));
            assertThat(promoted.getDetails()).containsEntry("role", "ADMIN").containsEntry("previousRole", "STAFF");
        }
        assertThat(people.find("deputy@missive.test")).hasValueSatisfying(p -> assertThat(p.role()).isEqualTo(Role.STAFF));
    }

    @Test
    void aRemovedPersonIsSentToSignInAtTheirNextRequestAndCanNoLongerSignIn(TestNamespace namespace) {
        people.add("leaver@missive.test", passwords.encode(PASSWORD), Role.STAFF, "test");
        try (var audit = KafkaProbe.fromBeginning(namespace, Topics.AUDIT);
             var admin = signedIn(ADMIN_EMAIL, ADMIN_PASSWORD);
             var leaver = signedIn("leaver@missive.test", PASSWORD)) {
            assertThat(leaver.get("/api/v1/me", null).statusCode()).isEqualTo(200);

            var confirm = admin.get(USERS + "/retirer?email=" + URLEncoder.encode("leaver@missive.test", StandardCharsets.UTF_8), null);
            assertThat(confirm.statusCode()).isEqualTo(200);
            assertThat(confirm.body()).contains("Retirer leaver@missive.test (STAFF) ?", "id=\"confirm-remove\"");
            assertThat(people.find("leaver@missive.test")).as("asking is not removing").isPresent();
            var removed = admin.submit(USERS + "/retirer?email=leaver%40missive.test", USERS + "/retirer",
                    Map.of("email", "leaver@missive.test"));
            assertThat(removed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith(USERS));
            assertThat(page(admin, USERS).body()).contains("leaver@missive.test est retiré(e)")
                    .doesNotContain("<td>leaver@missive.test</td>");

            var next = page(leaver, "/campagnes");
            assertThat(next.statusCode()).isEqualTo(302);
            assertThat(next.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login"));
            assertThat(leaver.get("/api/v1/me", null).statusCode()).isEqualTo(401);
            assertThat(leaver.signIn("leaver@missive.test", PASSWORD).headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).contains("error"));

            var entry = audit.awaitEvent(AuditRecorded.class, e -> e.getAct().equals("user.remove")
                    && e.getTarget().equals("user:leaver@missive.test"), Duration.ofSeconds(30));
            assertThat(entry.getActor()).isEqualTo(ADMIN_EMAIL);
            assertThat(entry.getDetails()).containsEntry("role", "STAFF");
        }
        assertThat(people.find("leaver@missive.test")).isEmpty();
    }

    @Test
    void theLastAdminCanBeNeitherDemotedNorRemovedAndNothingIsRecorded(TestNamespace namespace) {
        people.all().stream().filter(p -> p.role() == Role.ADMIN && !p.email().equals(ADMIN_EMAIL))
                .forEach(p -> people.changeRole(p.email(), Role.STAFF));
        people.add("marker@missive.test", passwords.encode(PASSWORD), Role.STAFF, "test");
        try (var audit = KafkaProbe.fromBeginning(namespace, Topics.AUDIT);
             var admin = signedIn(ADMIN_EMAIL, ADMIN_PASSWORD)) {
            admin.submit(USERS, USERS + "/role", Map.of("email", ADMIN_EMAIL, "role", "STAFF"));
            assertThat(page(admin, USERS).body()).contains("Refusé : " + ADMIN_EMAIL + " est le dernier administrateur.");
            admin.submit(USERS, USERS + "/retirer", Map.of("email", ADMIN_EMAIL));
            assertThat(page(admin, USERS).body()).contains("Refusé : " + ADMIN_EMAIL + " est le dernier administrateur.");
            assertThat(admin.get("/api/v1/me", null).body()).contains("ROLE_ADMIN");
            assertThat(people.find(ADMIN_EMAIL)).hasValueSatisfying(p -> assertThat(p.role()).isEqualTo(Role.ADMIN));

            // The admin's entries share a partition, in order: once the marker is there, a refused act's entry would be too.
            admin.submit(USERS, USERS + "/retirer", Map.of("email", "marker@missive.test"));
            audit.awaitEvent(AuditRecorded.class, e -> e.getTarget().equals("user:marker@missive.test"), Duration.ofSeconds(30));
            assertThat(audit.events(AuditRecorded.class)).noneMatch(e -> e.getTarget().equals("user:" + ADMIN_EMAIL)
                    && Set.of("user.role", "user.remove").contains(e.getAct()));
        }
    }

    @Test
    void whenTheAuditTrailIsAwayNoPersonIsAddedChangedOrRemovedAndThePageSays503() {
        people.add("refused-staff@missive.test", passwords.encode(PASSWORD), Role.STAFF, "test");
        try (var admin = signedIn(ADMIN_EMAIL, ADMIN_PASSWORD)) {
            for (var attempt : List.of(
                    admin.submit(USERS, USERS + "/role", Map.of("email", "refused-staff@missive.test", "role", "ADMIN")),
                    admin.submit(USERS, USERS + "/retirer", Map.of("email", "refused-staff@missive.test")),
                    admin.submit(USERS, USERS, Map.of("email", "refused-new@missive.test", "motDePasse", PASSWORD, "role", "STAFF")))) {
                assertThat(attempt.statusCode()).isEqualTo(503);
                assertThat(attempt.body()).contains("Le journal d’audit est indisponible : rien n’a été fait.");
            }
        }
        assertThat(people.find("refused-staff@missive.test")).hasValueSatisfying(p -> assertThat(p.role()).isEqualTo(Role.STAFF));
        assertThat(people.find("refused-new@missive.test")).isEmpty();
    }

    @Test
    void onlyAnAdminWithTheFormsTokenChangesOrRemovesAnyone() {
        people.add("target@missive.test", passwords.encode(PASSWORD), Role.STAFF, "test");
        people.add("peer@missive.test", passwords.encode(PASSWORD), Role.STAFF, "test");
        try (var admin = signedIn(ADMIN_EMAIL, ADMIN_PASSWORD); var peer = signedIn("peer@missive.test", PASSWORD)) {
            var forged = admin.submitWithoutToken(USERS + "/retirer", Map.of("email", "target@missive.test"));
            assertThat(forged.statusCode()).isIn(302, 403);
            var staff = peer.submit("/campagnes", USERS + "/role", Map.of("email", "peer@missive.test", "role", "ADMIN"));
            assertThat(staff.statusCode()).isEqualTo(403);
        }
        assertThat(people.find("target@missive.test")).isPresent();
        assertThat(people.find("peer@missive.test")).hasValueSatisfying(p -> assertThat(p.role()).isEqualTo(Role.STAFF));
    }

    private ConsoleHttp signedIn(String email, String password) {
        var browser = new ConsoleHttp(port);
        assertThat(browser.signIn(email, password).headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        return browser;
    }

    private static HttpResponse<String> page(ConsoleHttp browser, String path) {
        return browser.getWith(path, Map.of("Accept", "text/html"));
    }
}
