package io.missive.console.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * The console's RSA key pair. It must outlive a restart (the services hold its public key), so it is
 * configured, or generated once into a file that later starts read back.
 */
public final class SigningKeys {

    private SigningKeys() {
    }

    /** From the configured PEM, else from (or into) the file; neither: refuses, naming both variables. */
    public static KeyPair load(@Nullable String pem, @Nullable Path file) {
        if (pem != null) {
            return fromPem(pem);
        }
        if (file == null) {
            throw new IllegalStateException("No key to sign access tokens: set MISSIVE_CONSOLE_SIGNING_KEY (an RSA private key, "
                    + "PEM PKCS#8) or MISSIVE_CONSOLE_SIGNING_KEY_FILE (a file the console reads, or creates on first start)");
        }
        try {
            if (Files.exists(file)) {
                return fromPem(Files.readString(file));
            }
            var pair = generate();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, privatePem(pair));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // the file system has no owner-only permissions to give
            }
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the signing key file " + file, e);
        }
    }

    public static KeyPair generate() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair fromPem(String pem) {
        var body = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            var factory = KeyFactory.getInstance("RSA");
            var privateKey = (RSAPrivateCrtKey) factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            var publicKey = factory.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return new KeyPair(publicKey, privateKey);
        } catch (IllegalArgumentException | GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("the console's signing key is not an RSA private key in PEM (PKCS#8)", e);
        }
    }

    public static String privatePem(KeyPair pair) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }
}
