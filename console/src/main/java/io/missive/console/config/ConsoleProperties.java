package io.missive.console.config;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param issuer                the console's public URL, the {@code iss} of its tokens ({@code MISSIVE_CONSOLE_ISSUER})
 * @param signingKey            the RSA private key that signs tokens, PEM PKCS#8 ({@code MISSIVE_CONSOLE_SIGNING_KEY})
 * @param signingKeyFile        or a file holding it, generated on first start when absent ({@code MISSIVE_CONSOLE_SIGNING_KEY_FILE})
 * @param tokenLifetime         how long an access token lives (a few minutes)
 * @param adminEmail            the first admin, created at first start ({@code MISSIVE_ADMIN_EMAIL})
 * @param adminPassword         its password ({@code MISSIVE_ADMIN_PASSWORD})
 * @param bootstrapClientId     an API client with every scope created at first start (the devstack's), optional
 * @param bootstrapClientSecret its secret
 * @param lockout               how many failed sign-ins lock an account, and for how long
 */
@ConfigurationProperties("missive.console")
public record ConsoleProperties(String issuer, @Nullable String signingKey, @Nullable Path signingKeyFile,
                                Duration tokenLifetime, @Nullable String adminEmail, @Nullable String adminPassword,
                                @Nullable String bootstrapClientId, @Nullable String bootstrapClientSecret, Lockout lockout) {

    /** @param firstDelay the wait after one failure, doubled after each further one (1 s when not set) */
    public record Lockout(int failures, Duration duration, @Nullable Duration firstDelay) {
    }

    public ConsoleProperties {
        signingKey = blankToNull(signingKey);
        signingKeyFile = signingKeyFile == null || signingKeyFile.toString().isBlank() ? null : signingKeyFile;
        adminEmail = blankToNull(adminEmail);
        adminPassword = blankToNull(adminPassword);
        bootstrapClientId = blankToNull(bootstrapClientId);
        bootstrapClientSecret = blankToNull(bootstrapClientSecret);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() {
        return "ConsoleProperties[issuer=" + issuer + ", signingKey=" + (signingKey == null ? "<none>" : "****")
                + ", signingKeyFile=" + signingKeyFile + ", tokenLifetime=" + tokenLifetime + ", adminEmail=" + adminEmail
                + ", lockout=" + lockout + "]";
    }
}
