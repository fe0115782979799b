package io.missive.console.people;

import static io.missive.console.ConsoleTestSettings.ADMIN_EMAIL;
import static io.missive.console.ConsoleTestSettings.ADMIN_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.missive.console.ConsoleHttp;
import io.missive.testkit.RealInfrastructure;
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
        "missive.console.lockout.failures=3"})
class SignInIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    People people;

    @Autowired
    PasswordEncoder passwords;

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
