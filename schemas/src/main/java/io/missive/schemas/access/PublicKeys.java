package io.missive.schemas.access;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** An RSA public key as the configuration gives it: PEM ({@code -----BEGIN PUBLIC KEY-----}), or its base64 body alone. */
public final class PublicKeys {

    public static RSAPublicKey parse(String pem) {
        var body = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        try {
            var der = Base64.getDecoder().decode(body);
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("MISSIVE_JWT_PUBLIC_KEY is not an RSA public key in PEM (X.509 SubjectPublicKeyInfo)", e);
        }
    }

    public static String pem(RSAPublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    private PublicKeys() {
    }
}
