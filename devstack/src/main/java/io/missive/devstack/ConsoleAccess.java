package io.missive.devstack;

import io.missive.schemas.access.PublicKeys;
import io.missive.schemas.access.SigningKeyPairs;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The devstack's side of access: the console's signing key (whose public half every other service is
 * given, so none needs the console up to start), the first admin's credentials and the devstack's
 * own API client, generated once into the work directory and read back on later starts; and access
 * tokens for the devstack's tools, obtained from the console by client credentials.
 */
public final class ConsoleAccess {

    public static final String CLIENT_ID = "devstack";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");

    private final String signingKeyPem;
    private final String publicKeyPem;
    private final Properties credentials;
    private final Path credentialsFile;
    private @Nullable String token;
    private long tokenRenewAt;

    private ConsoleAccess(String signingKeyPem, Properties credentials, Path credentialsFile) {
        this.signingKeyPem = signingKeyPem;
        this.publicKeyPem = PublicKeys.pem((RSAPublicKey) SigningKeyPairs.fromPem(signingKeyPem).getPublic());
        this.credentials = credentials;
        this.credentialsFile = credentialsFile;
    }

    /** Reads the key and credentials under {@code workDirectory/console}, generating what is missing. */
    public static ConsoleAccess prepare(Path workDirectory) {
        var directory = workDirectory.resolve("console");
        try {
            Files.createDirectories(directory);
            var keyFile = directory.resolve("signing-key.pem");
            if (!Files.exists(keyFile)) {
                writePrivate(keyFile, SigningKeyPairs.privatePem(SigningKeyPairs.generate()));
            }
            var credentialsFile = directory.resolve("credentials.properties");
            var credentials = new Properties();
            if (Files.exists(credentialsFile)) {
                credentials.load(new StringReader(Files.readString(credentialsFile)));
            } else {
                credentials.setProperty("MISSIVE_ADMIN_EMAIL", "admin@missive.local");
                credentials.setProperty("MISSIVE_ADMIN_PASSWORD", random(18));
                credentials.setProperty("MISSIVE_BOOTSTRAP_CLIENT_ID", CLIENT_ID);
                credentials.setProperty("MISSIVE_BOOTSTRAP_CLIENT_SECRET", random(32));
                var text = new StringWriter();
                credentials.store(text, "The devstack console's first admin and its API client (every scope). Generated once; "
                        + "delete this file and the devstack's data to start afresh.");
                writePrivate(credentialsFile, text.toString());
            }
            return new ConsoleAccess(Files.readString(keyFile), credentials, credentialsFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the console's key and credentials in " + directory, e);
        }
    }

    /** What the console is started with. */
    public Map<String, String> consoleEnvironment(String consoleUrl) {
        var env = new LinkedHashMap<String, String>();
        env.put("MISSIVE_CONSOLE_SIGNING_KEY", signingKeyPem);
        env.put("MISSIVE_CONSOLE_ISSUER", consoleUrl);
        for (var name : credentials.stringPropertyNames()) {
            env.put(name, credentials.getProperty(name));
        }
        return env;
    }

    /** The console's public key, PEM: every other service's {@code MISSIVE_JWT_PUBLIC_KEY}. */
    public String publicKeyPem() {
        return publicKeyPem;
    }

    public Path credentialsFile() {
        return credentialsFile;
    }

    public String adminEmail() {
        return credentials.getProperty("MISSIVE_ADMIN_EMAIL");
    }

    public String clientSecret() {
        return credentials.getProperty("MISSIVE_BOOTSTRAP_CLIENT_SECRET");
    }

    /** A token with every scope from the console's {@code /oauth2/token}, renewed a minute before it expires. */
    public synchronized String accessToken(String consoleUrl) {
        if (token == null || System.nanoTime() - tokenRenewAt > 0) {
            var basic = Base64.getEncoder().encodeToString((CLIENT_ID + ":" + clientSecret()).getBytes(StandardCharsets.UTF_8));
            try (var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
                var response = http.send(HttpRequest.newBuilder(URI.create(consoleUrl + "/oauth2/token"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                        HttpResponse.BodyHandlers.ofString());
                var accessToken = ACCESS_TOKEN.matcher(response.body());
                var expiresIn = EXPIRES_IN.matcher(response.body());
                if (response.statusCode() != 200 || !accessToken.find() || !expiresIn.find()) {
                    throw new IllegalStateException("the console gave the devstack no token: " + response.statusCode());
                }
                token = accessToken.group(1);
                tokenRenewAt = System.nanoTime() + Duration.ofSeconds(Math.max(10, Long.parseLong(expiresIn.group(1)) - 60)).toNanos();
            } catch (IOException e) {
                throw new IllegalStateException("cannot reach the console for a token: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return token;
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Files.writeString(file, content);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // no owner-only permissions on this file system
        }
    }

    private static String random(int bytes) {
        var buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }
}
