package io.missive.console.clients;

import static io.missive.console.ConsoleTestSettings.CLIENT_ID;
import static io.missive.console.ConsoleTestSettings.CLIENT_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.missive.console.ConsoleHttp;
import io.missive.events.AuditRecorded;
import io.missive.schemas.access.Scopes;
import io.missive.schemas.access.SigningKeyPairs;
import io.missive.schemas.topics.Topics;
import io.missive.testkit.TestNamespace;
import io.missive.testkit.kafka.KafkaProbe;
import io.missive.testkit.RealInfrastructure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** Machines get short-lived tokens by client credentials; admins issue, list and revoke API keys; keys expire. */
@RealInfrastructure
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "missive.console.admin-email=" + io.missive.console.ConsoleTestSettings.ADMIN_EMAIL,
        "missive.console.admin-password=" + io.missive.console.ConsoleTestSettings.ADMIN_PASSWORD,
        "missive.console.bootstrap-client-id=" + CLIENT_ID,
        "missive.console.bootstrap-client-secret=" + CLIENT_SECRET,
        "missive.console.signing-key-file=${java.io.tmpdir}/missive-console-tests/signing-key.pem"})
class ApiClientsIntegrationTest {

    @LocalServerPort
    int port;

    private ConsoleHttp http;

    @BeforeEach
    void open() {
        http = new ConsoleHttp(port);
    }

    @AfterEach
    void close() {
        http.close();
    }

    @Test
    void aMachineGetsAShortLivedJwtWithTheScopesItAsksForSignedWithThePublishedKey() {
        var response = http.token(CLIENT_ID, CLIENT_SECRET, Scopes.PROGRAMS_WRITE + " " + Scopes.EVENTS_READ);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var reply = ConsoleHttp.json(response);
        assertThat(reply.get("token_type").asString()).isEqualToIgnoringCase("Bearer");
        assertThat(reply.get("expires_in").asLong()).isBetween(60L, 300L);

        var jwt = NimbusJwtDecoder.withJwkSetUri("http://localhost:" + port + "/oauth2/jwks").build()
                .decode(reply.get("access_token").asString());
        assertThat(jwt.getClaimAsStringList("scope")).containsExactlyInAnyOrder(Scopes.PROGRAMS_WRITE, Scopes.EVENTS_READ);
        assertThat(jwt.getSubject()).isEqualTo(CLIENT_ID);
        assertThat(jwt.getExpiresAt()).isBefore(Instant.now().plus(Duration.ofMinutes(6)));
    }

    @Test
    void aWrongSecretOrAnUnknownClientOrAScopeNotGrantedGetsNoToken() {
        assertThat(http.token(CLIENT_ID, "wrong", null).statusCode()).isEqualTo(401);
        assertThat(http.token("nobody", CLIENT_SECRET, null).statusCode()).isEqualTo(401);
        var admin = http.accessToken(CLIENT_ID, CLIENT_SECRET);
        var issued = ConsoleHttp.json(http.postJson("/api/v1/clients",
                "{\"name\":\"reader\",\"scopes\":[\"events:read\"]}", admin));
        var id = issued.at("/client/clientId").asString();
        var secret = issued.get("clientSecret").asString();
        assertThat(http.token(id, secret, Scopes.PROGRAMS_WRITE).statusCode()).isEqualTo(400);
    }

    @Test
    void theFirstAdminAndTheBootstrapKeyMadeFromTheEnvironmentAreOnTheAuditTrail(TestNamespace namespace) {
        try (var audit = KafkaProbe.fromBeginning(namespace, Topics.AUDIT)) {
            var admin = audit.awaitEvent(AuditRecorded.class, e -> e.getAct().equals("user.add")
                    && e.getTarget().equals("user:" + io.missive.console.ConsoleTestSettings.ADMIN_EMAIL), Duration.ofSeconds(30));
            assertThat(admin.getActor()).isEqualTo("MISSIVE_ADMIN_EMAIL");
            assertThat(admin.getFrom()).isEqualTo("environment");
            assertThat(admin.getDetails()).containsEntry("role", "ADMIN");
            var key = audit.awaitEvent(AuditRecorded.class, e -> e.getAct().equals("apikey.issue")
                    && e.getTarget().equals("apikey:" + CLIENT_ID), Duration.ofSeconds(30));
            assertThat(key.getActor()).isEqualTo("MISSIVE_BOOTSTRAP_CLIENT_ID");
            assertThat(key.toString()).doesNotContain(CLIENT_SECRET);
        }
    }

    @Test
    void anAdminIssuesAKeyWhoseSecretIsShownOnceAndRevokesIt(TestNamespace namespace) {
        var audit = KafkaProbe.fromBeginning(namespace, Topics.AUDIT);
        var admin = http.accessToken(CLIENT_ID, CLIENT_SECRET);
        var created = http.postJson("/api/v1/clients", "{\"name\":\"upstream CRM\",\"scopes\":[\"programs:write\",\"programs:read\"]}", admin);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var issued = ConsoleHttp.json(created);
        var id = issued.at("/client/clientId").asString();
        var secret = issued.get("clientSecret").asString();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(40);

        var token = http.accessToken(id, secret);
        assertThat(token).isNotBlank();
        var listed = http.get("/api/v1/clients", admin);
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains(id, "upstream CRM").doesNotContain(secret).doesNotContain("secret");
        var entry = java.util.stream.StreamSupport.stream(ConsoleHttp.json(listed).spliterator(), false).filter(c -> c.get("clientId").asString().equals(id)).findFirst().orElseThrow();
        assertThat(entry.get("lastUsedAt").isNull()).as("last use is kept").isFalse();

        assertThat(http.delete("/api/v1/clients/" + id, admin).statusCode()).isEqualTo(204);
        assertThat(http.token(id, secret, null).statusCode()).as("a revoked key gets no token").isEqualTo(401);
        assertThat(http.delete("/api/v1/clients/" + id, admin).statusCode()).isEqualTo(404);

        // Both acts are on the audit trail, by the admin client, without the secret; the refused second revoke is not.
        try (audit) {
            var issuedEntry = audit.awaitEvent(AuditRecorded.class, e -> e.getAct().equals("apikey.issue")
                    && e.getTarget().equals("apikey:" + id), Duration.ofSeconds(30));
            assertThat(issuedEntry.getActor()).isEqualTo(CLIENT_ID);
            assertThat(issuedEntry.getService()).isEqualTo("console");
            assertThat(issuedEntry.getFrom()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
            assertThat(issuedEntry.getDetails()).containsEntry("name", "upstream CRM")
                    .containsEntry("scopes", "programs:read programs:write");
            assertThat(issuedEntry.toString()).doesNotContain(secret);
            audit.awaitEvent(AuditRecorded.class, e -> e.getAct().equals("apikey.revoke") && e.getTarget().equals("apikey:" + id),
                    Duration.ofSeconds(30));
            audit.assertNoneArrive(Duration.ofMillis(500));
            assertThat(audit.events(AuditRecorded.class).stream().filter(e -> e.getTarget().equals("apikey:" + id))).hasSize(2);
        }
    }

    @Test
    void aKeyStopsWorkingAtItsExpiry() {
        var admin = http.accessToken(CLIENT_ID, CLIENT_SECRET);
        // Room for issuing and a first token on a loaded machine (3 s was not enough at a load of 14).
        var expiry = Instant.now().plusSeconds(10);
        var issued = ConsoleHttp.json(http.postJson("/api/v1/clients",
                "{\"name\":\"short\",\"scopes\":[\"events:read\"],\"expiresAt\":\"" + expiry + "\"}", admin));
        var id = issued.at("/client/clientId").asString();
        var secret = issued.get("clientSecret").asString();
        assertThat(http.token(id, secret, null).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> http.token(id, secret, null).statusCode() == 401);
        assertThat(Instant.now()).isAfter(expiry);
    }

    @Test
    void issuingRefusesUnknownScopesAndPastExpiries() {
        var admin = http.accessToken(CLIENT_ID, CLIENT_SECRET);
        assertThat(http.postJson("/api/v1/clients", "{\"name\":\"x\",\"scopes\":[\"everything\"]}", admin).statusCode()).isEqualTo(400);
        assertThat(http.postJson("/api/v1/clients", "{\"name\":\"x\",\"scopes\":[]}", admin).statusCode()).isEqualTo(400);
        assertThat(http.postJson("/api/v1/clients", "{\"name\":\"x\",\"scopes\":[\"events:read\"],\"expiresAt\":\"2001-01-01T00:00:00Z\"}",
                admin).statusCode()).isEqualTo(400);
    }

    @Test
    void aTokenSignedWithTheConsolesKeyForAnotherIssuerIsRefused() throws Exception {
        var key = SigningKeyPairs.fromPem(Files.readString(
                Path.of(System.getProperty("java.io.tmpdir"), "missive-console-tests", "signing-key.pem")));
        assertThat(http.get("/api/v1/clients", signed(key, "http://localhost:8086")).statusCode())
                .as("the console's own issuer, its key: accepted").isEqualTo(200);
        var elsewhere = http.get("/api/v1/clients", signed(key, "https://elsewhere.example"));
        assertThat(elsewhere.statusCode()).isEqualTo(401);
        assertThat(elsewhere.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    /** A token as the console signs them, every scope, with {@code issuer} as its {@code iss}. */
    private static String signed(KeyPair key, String issuer) throws Exception {
        var now = Instant.now();
        var claims = new JWTClaimsSet.Builder().issuer(issuer).subject(CLIENT_ID).claim("client_id", CLIENT_ID)
                .claim("scope", Scopes.ALL).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300))).build();
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(key.getPrivate()));
        return jwt.serialize();
    }

    @Test
    void theKeysApiNeedsAnAdminOrPeopleAdminScope() {
        var noToken = http.get("/api/v1/clients", null);
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(noToken.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        var reader = ConsoleHttp.json(http.postJson("/api/v1/clients", "{\"name\":\"r\",\"scopes\":[\"events:read\"]}",
                http.accessToken(CLIENT_ID, CLIENT_SECRET)));
        var readerToken = http.accessToken(reader.at("/client/clientId").asString(), reader.get("clientSecret").asString());
        var wrongScope = http.get("/api/v1/clients", readerToken);
        assertThat(wrongScope.statusCode()).isEqualTo(403);
        assertThat(wrongScope.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(http.get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
    }
}
