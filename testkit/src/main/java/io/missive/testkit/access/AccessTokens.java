package io.missive.testkit.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.missive.schemas.access.PublicKeys;
import io.missive.schemas.access.Scopes;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Signs access tokens the way the console does (RS256 JWTs with a {@code scope} claim), with a key
 * pair of its own. A service trusts them once given {@link #publicKeyPem()} as
 * {@code MISSIVE_JWT_PUBLIC_KEY}; in tests, {@link TestAccessKey} does that for every application.
 */
public final class AccessTokens {

    /** How long a minted token lives, as the console's. */
    public static final Duration LIFETIME = Duration.ofMinutes(5);

    private static final AccessTokens TEST = generate();

    private final RSAPublicKey publicKey;
    private final RSAPrivateKey privateKey;
    private final String keyId = UUID.randomUUID().toString();

    private AccessTokens(KeyPair pair) {
        this.publicKey = (RSAPublicKey) pair.getPublic();
        this.privateKey = (RSAPrivateKey) pair.getPrivate();
    }

    /** The key every application started in this test JVM trusts. */
    public static AccessTokens testKey() {
        return TEST;
    }

    /** A fresh key pair (a forger's, or a devstack's own). */
    public static AccessTokens generate() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new AccessTokens(generator.generateKeyPair());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String publicKeyPem() {
        return PublicKeys.pem(publicKey);
    }

    /** A valid token carrying {@code scopes}. */
    public String mint(String... scopes) {
        return mint(Instant.now(), LIFETIME, List.of(scopes));
    }

    /** A valid token carrying every scope. */
    public String allScopes() {
        return mint(Instant.now(), LIFETIME, Scopes.ALL);
    }

    /** A token carrying every scope but {@code missing}. */
    public String allScopesBut(String missing) {
        return mint(Instant.now(), LIFETIME, Scopes.ALL.stream().filter(scope -> !scope.equals(missing)).toList());
    }

    /** A token that expired a while ago (beyond the resource server's clock-skew allowance). */
    public String expired(String... scopes) {
        return mint(Instant.now().minus(LIFETIME).minus(Duration.ofMinutes(5)), LIFETIME, List.of(scopes));
    }

    public String mint(Instant issuedAt, Duration lifetime, List<String> scopes) {
        var claims = new JWTClaimsSet.Builder()
                .issuer("missive-test")
                .subject("test-client")
                .audience("missive")
                .claim("client_id", "test-client")
                .claim("scope", List.copyOf(scopes))
                .issueTime(Date.from(issuedAt))
                .notBeforeTime(Date.from(issuedAt))
                .expirationTime(Date.from(issuedAt.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims);
        try {
            jwt.sign(new RSASSASigner(privateKey));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** The value of an {@code Authorization} header carrying {@code token}. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
