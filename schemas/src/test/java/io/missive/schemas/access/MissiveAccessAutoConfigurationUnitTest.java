package io.missive.schemas.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;

class MissiveAccessAutoConfigurationUnitTest {

    private static final KeyPair KEYS = keys();
    private static final String CONSOLE = "http://console:8086";

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(MissiveAccessAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class));

    @Test
    void refusesToStartWithoutAKeyNamingBothVariables() {
        runner.run(context -> assertThat(context).getFailure().rootCause()
                .hasMessageContaining("MISSIVE_JWT_PUBLIC_KEY").hasMessageContaining("MISSIVE_JWK_SET_URI"));
    }

    @Test
    void trustsTokensSignedWithTheConfiguredPublicKeyOnly() {
        runner.withPropertyValues("missive.access.public-key=" + PublicKeys.pem((RSAPublicKey) KEYS.getPublic()))
                .run(context -> {
                    assertThat(context).hasSingleBean(SecurityFilterChain.class);
                    var decoder = context.getBean(JwtDecoder.class);
                    var jwt = decoder.decode(token(KEYS, Instant.now().plusSeconds(300)));
                    assertThat(jwt.getClaimAsStringList("scope")).containsExactly(Scopes.PROGRAMS_WRITE);
                    assertThatThrownBy(() -> decoder.decode(token(keys(), Instant.now().plusSeconds(300))))
                            .hasMessageContaining("signature");
                    assertThatThrownBy(() -> decoder.decode(token(KEYS, Instant.now().minusSeconds(600))))
                            .isInstanceOf(JwtValidationException.class);
                });
    }

    @Test
    void withTheConsolesIssuerSetATokenSignedWithTheRightKeyForAnotherIssuerIsRefusedWith401() {
        runner.withPropertyValues("missive.access.public-key=" + PublicKeys.pem((RSAPublicKey) KEYS.getPublic()),
                        "missive.access.issuer=" + CONSOLE)
                .withBean(AccessRules.class, () -> AccessRules.of(AccessRules.scope(Scopes.PROGRAMS_WRITE, HttpMethod.POST, "/api/v1/programs")))
                .run(context -> {
                    var chain = context.getBean(FilterChainProxy.class);
                    var expiry = Instant.now().plusSeconds(300);
                    assertThat(call(chain, token(KEYS, CONSOLE, expiry))).as("the console's own token").isEqualTo(200);
                    assertThat(call(chain, token(KEYS, "https://elsewhere.example", expiry))).as("another issuer").isEqualTo(401);
                    assertThat(call(chain, token(KEYS, null, expiry))).as("no issuer").isEqualTo(401);
                    assertThatThrownBy(() -> context.getBean(JwtDecoder.class).decode(token(KEYS, "https://elsewhere.example", expiry)))
                            .isInstanceOf(JwtValidationException.class).hasMessageContaining("iss");
                });
    }

    @Test
    void withoutAnIssuerSetAnyIssuerSignedWithTheRightKeyIsAccepted() {
        runner.withPropertyValues("missive.access.public-key=" + PublicKeys.pem((RSAPublicKey) KEYS.getPublic()))
                .run(context -> assertThat(context.getBean(JwtDecoder.class)
                        .decode(token(KEYS, "https://elsewhere.example", Instant.now().plusSeconds(300))).getSubject())
                        .isEqualTo("client"));
    }

    @Test
    void aServiceWithItsOwnFilterChainKeepsIt() {
        runner.withPropertyValues("missive.access.public-key=" + PublicKeys.pem((RSAPublicKey) KEYS.getPublic()))
                .withBean("own", SecurityFilterChain.class, () -> new org.springframework.security.web.DefaultSecurityFilterChain(
                        request -> true))
                .run(context -> assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("own"));
    }

    @Test
    void theFirstRuleThatMatchesDecidesAsInTheFilterChain() {
        var rules = List.of(
                AccessRules.open(HttpMethod.GET, "/actuator/health"),
                AccessRules.scope(Scopes.PROGRAMS_READ, HttpMethod.GET, "/api/v1/programs/*"),
                AccessRules.scope(Scopes.PROGRAMS_WRITE, HttpMethod.DELETE, "/api/v1/programs/*"),
                AccessRules.scope(Scopes.OPS_READ, HttpMethod.GET, "/**"));
        assertThat(AccessOpenApiAutoConfiguration.ruleFor(rules, HttpMethod.DELETE, "/api/v1/programs/{commandId}"))
                .hasValueSatisfying(rule -> assertThat(rule.access()).isEqualTo(new AccessRules.Scoped(Scopes.PROGRAMS_WRITE)));
        assertThat(AccessOpenApiAutoConfiguration.ruleFor(rules, HttpMethod.GET, "/api/v1/programs/{commandId}"))
                .hasValueSatisfying(rule -> assertThat(rule.access()).isEqualTo(new AccessRules.Scoped(Scopes.PROGRAMS_READ)));
        assertThat(AccessOpenApiAutoConfiguration.ruleFor(rules, HttpMethod.POST, "/api/v1/programs")).isEmpty();
    }

    @Test
    void openRequestsPassWithoutATokenOrWithAnyAndTheFirstMatchingRuleDecidesTheTokenToo() {
        runner.withPropertyValues("missive.access.public-key=" + PublicKeys.pem((RSAPublicKey) KEYS.getPublic()))
                .withBean(AccessRules.class, () -> AccessRules.of(
                        AccessRules.scope(Scopes.PROGRAMS_WRITE, HttpMethod.POST, "/hooks/admin"),
                        AccessRules.open("/hooks/**")))
                .run(context -> {
                    var chain = context.getBean(FilterChainProxy.class);
                    assertThat(call(chain, "GET", "/hooks/receipt", null)).as("an open webhook").isEqualTo(200);
                    assertThat(call(chain, "GET", "/hooks/receipt", "not-a-token")).as("a webhook with a stray header").isEqualTo(200);
                    assertThat(call(chain, "GET", "/actuator/health", null)).as("the probe").isEqualTo(200);
                    assertThat(call(chain, "POST", "/hooks/admin", null)).as("scoped by the rule declared first").isEqualTo(401);
                    assertThat(call(chain, "POST", "/hooks/admin", token(KEYS, Instant.now().plusSeconds(300))))
                            .as("with a token carrying the scope").isEqualTo(200);
                    assertThat(call(chain, "GET", "/api/v1/anything", null)).as("named by no rule").isEqualTo(401);
                });
    }

    @Test
    void anUnknownScopeIsAMistakeCaughtAtStartUp() {
        assertThatThrownBy(() -> AccessRules.scope("programs:everything", HttpMethod.GET, "/x"))
                .hasMessageContaining("unknown scope programs:everything");
    }

    /** {@code POST /api/v1/programs} through the resource server's filters, with {@code token}: the status it answers. */
    private static int call(FilterChainProxy chain, String token) throws Exception {
        return call(chain, "POST", "/api/v1/programs", token);
    }

    /** {@code method path} through the filters, with {@code token} if any: the status it answers (200 when let through). */
    private static int call(FilterChainProxy chain, String method, String path, @Nullable String token) throws Exception {
        var request = new MockHttpServletRequest(method, path);
        request.setServletPath(path);
        if (token != null) {
            request.addHeader("Authorization", "Bearer " + token);
        }
        var response = new MockHttpServletResponse();
        chain.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }

    private static String token(KeyPair keys, Instant expiry) throws Exception {
        return token(keys, null, expiry);
    }

    private static String token(KeyPair keys, @Nullable String issuer, Instant expiry) throws Exception {
        var claims = new JWTClaimsSet.Builder().issuer(issuer).subject("client").claim("scope", List.of(Scopes.PROGRAMS_WRITE))
                .issueTime(Date.from(expiry.minusSeconds(300))).expirationTime(Date.from(expiry)).build();
        var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(keys.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair keys() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
