package io.missive.console.keys;

import io.missive.schemas.access.SigningKeyPairs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
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
            return SigningKeyPairs.fromPem(pem);
        }
        if (file == null) {
            throw new IllegalStateException("No key to sign access tokens: set MISSIVE_CONSOLE_SIGNING_KEY (an RSA private key, "
                    + "PEM PKCS#8) or MISSIVE_CONSOLE_SIGNING_KEY_FILE (a file the console reads, or creates on first start)");
        }
        try {
            if (Files.exists(file)) {
                return SigningKeyPairs.fromPem(Files.readString(file));
            }
            var pair = SigningKeyPairs.generate();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, SigningKeyPairs.privatePem(pair));
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
}
