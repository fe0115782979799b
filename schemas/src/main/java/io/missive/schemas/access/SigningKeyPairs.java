package io.missive.schemas.access;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * The console's RSA signing key pair as configuration and files hold it: a PKCS#8 private key in PEM, from which
 * the public half is derived. One reading and one writing of that form, for the console and the devstack that
 * generates the console's key (the public half, in the other services, goes through {@link PublicKeys}).
 */
public final class SigningKeyPairs {

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    public static KeyPair generate() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws IllegalArgumentException naming {@code MISSIVE_CONSOLE_SIGNING_KEY} when the text is not such a key */
    public static KeyPair fromPem(String pem) {
        var body = pem.replace(BEGIN, "").replace(END, "").replaceAll("\\s", "");
        try {
            var factory = KeyFactory.getInstance("RSA");
            var privateKey = (RSAPrivateCrtKey) factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            var publicKey = factory.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new KeyPair(publicKey, privateKey);
        } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException(
                    "the console's signing key (MISSIVE_CONSOLE_SIGNING_KEY) is not an RSA private key in PEM (PKCS#8)", e);
        }
    }

    public static String privatePem(KeyPair pair) {
        return BEGIN + "\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPrivate().getEncoded()) + "\n" + END + "\n";
    }

    private SigningKeyPairs() {
    }
}
