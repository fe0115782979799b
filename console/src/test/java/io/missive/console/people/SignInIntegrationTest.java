package io.missive.console.people;

import static io.missive.console.ConsoleTestSettings.ADMIN_EMAIL;
import static io.missive.console.ConsoleTestSettings.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.missive.console.ConsoleHttp;
import io.missive.testkit.RealInfrastructure;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

/** People sign in with e-mail and password, are locked out after repeated failures, and sign out. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "missive.console.admin-email=" + ADMIN_EMAIL,
        "missive.console.admin-password=" + ADMIN_PASSWORD,
        "missive.console.signing-key-file=${java.io.tmpdir}/missive-console-tests/signing-key.pem",
        "missive.console.lockout.failures=3",
        "missive.console.lockout.first-delay=300ms"})
class SignInIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext context;

    @Test
    void theFirstAdminSignsInSeesWhoSheIsAndSignsOut() {
        try (var browser = new ConsoleHttp(port)) {
            assertThat(browser.get("/api/v1/me", null).statusCode()).isEqualTo(401);
            var signedIn = browser.signIn(ADMIN_EMAIL.toUpperCase(), ADMIN_PASSWORD);
            assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
            var me = browser.get("/api/v1/me", null);
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).contains(ADMIN_EMAIL, "ROLE_ADMIN");
            assertThat(browser.get("/api/v1/clients", null).statusCode()).as("an admin lists API keys").isEqualTo(200);

            browser.signOut();
            assertThat(browser.get("/api/v1/me", null).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void staffSignInButCannotManageApiKeys() {
        people.add("staff@missive.test", passwords.encode("a staff password"), Role.STAFF, "test");
        try (var browser = new ConsoleHttp(port)) {
            browser.signIn("staff@missive.test", "a staff password");
            assertThat(browser.get("/api/v1/me", null).body()).contains("ROLE_STAFF");
            assertThat(browser.get("/api/v1/clients", null).statusCode()).isEqualTo(403);
        }
    }

    @Test
    void repeatedFailuresLockTheAccountEvenAgainstTheRightPassword() {
        people.add("locked@missive.test", passwords.encode("the right password"), Role.STAFF, "test");
        try (var browser = new ConsoleHttp(port)) {
            for (int i = 0; i < 3; i++) {
                assertThat(browser.signIn("locked@missive.test", "wrong " + i).headers().firstValue("Location"))
                        .hasValueSatisfying(l -> assertThat(l).contains("error"));
            }
            assertThat(people.lockedUntil("locked@missive.test")).isAfter(Instant.now());

            var refused = browser.signIn("locked@missive.test", "the right password");
            assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("error"));
            assertThat(browser.get("/api/v1/me", null).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void repeatedFailuresSlowDownBeforeTheLock() {
        people.add("slowed@missive.test", passwords.encode("the right password"), Role.STAFF, "test");
        try (var browser = new ConsoleHttp(port)) {
            // A first attempt has nothing to wait for (how fast it is answered depends on the machine: not asserted).
            browser.signIn("slowed@missive.test", "wrong 1");
            assertThat(timed(() -> browser.signIn("slowed@missive.test", "wrong 2"))).as("after one failure: 300 ms")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(timed(() -> browser.signIn("slowed@missive.test", "wrong 3"))).as("after two: 600 ms, then locked")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(600));
            assertThat(people.lockedUntil("slowed@missive.test")).isAfter(Instant.now());
        }
        people.add("slowed-right@missive.test", passwords.encode("the right password"), Role.STAFF, "test");
        try (var browser = new ConsoleHttp(port)) {
            browser.signIn("slowed-right@missive.test", "wrong 1");
            assertThat(timed(() -> browser.signIn("slowed-right@missive.test", "the right password")))
                    .as("the right password waits too, so the wait tells nothing").isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(browser.get("/api/v1/me", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aSessionExpiresAfterItsIdleTimeout() {
        people.add("idle@missive.test", passwords.encode("an idle password"), Role.STAFF, "test");
        try (var browser = new ConsoleHttp(port)) {
            browser.signIn("idle@missive.test", "an idle password");
            assertThat(browser.get("/api/v1/me", null).statusCode()).isEqualTo(200);
            var session = sessionOf("idle@missive.test");
            assertThat(session.getMaxInactiveInterval()).as("30 minutes idle (MISSIVE_SESSION_TIMEOUT)").isEqualTo(1800);

            // The same session, as if 30 idle minutes had passed: the container's own expiry, not a sign-out.
            session.setMaxInactiveInterval(1);
            await().pollDelay(Duration.ofMillis(1100)).atMost(Duration.ofSeconds(10))
                    .until(() -> browser.get("/api/v1/me", null).statusCode() == 401);
        }
    }

    private org.apache.catalina.Session sessionOf(String email) {
        var tomcat = ((org.springframework.boot.tomcat.TomcatWebServer) context.getWebServer()).getTomcat();
        var manager = ((org.apache.catalina.Context) tomcat.getHost().findChildren()[0]).getManager();
        for (var session : manager.findSessions()) {
            var security = session.getSession().getAttribute("SPRING_SECURITY_CONTEXT");
            if (security instanceof org.springframework.security.core.context.SecurityContext held
                    && held.getAuthentication() != null && email.equals(held.getAuthentication().getName())) {
                return session;
            }
        }
        throw new AssertionError("no session for " + email);
    }

    private static Duration timed(Runnable attempt) {
        long started = System.nanoTime();
        attempt.run();
        return Duration.ofNanos(System.nanoTime() - started);
    }

    @Test
    void aSuccessResetsTheCountOfFailures() {
        people.add("forgetful@missive.test", passwords.encode("the right password"), Role.STAFF, "test");
        try (var browser = new ConsoleHttp(port)) {
            browser.signIn("forgetful@missive.test", "wrong 1");
            browser.signIn("forgetful@missive.test", "wrong 2");
            browser.signIn("forgetful@missive.test", "the right password");
            assertThat(browser.get("/api/v1/me", null).statusCode()).isEqualTo(200);
        }
        try (var browser = new ConsoleHttp(port)) {
            browser.signIn("forgetful@missive.test", "wrong 3");
            browser.signIn("forgetful@missive.test", "wrong 4");
            assertThat(people.lockedUntil("forgetful@missive.test")).isNull();
        }
    }

    @Test
    void anUnknownEmailIsRefusedLikeAWrongPassword() {
        try (var browser = new ConsoleHttp(port)) {
            assertThat(browser.signIn("nobody@missive.test", "whatever").headers().firstValue("Location"))
                    .hasValueSatisfying(l -> assertThat(l).contains("error"));
        }
    }
}
