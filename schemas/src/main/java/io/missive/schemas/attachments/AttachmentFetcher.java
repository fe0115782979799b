package io.missive.schemas.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Fetches an attachment under {@link AttachmentPolicy}: every hop is checked (scheme, host, resolved addresses),
 * redirects are followed by hand and only on the same host, at most {@value #MAX_REDIRECTS} of them, and a body is
 * never read past the size cap. {@link #probe} is the scheduler's check at acceptance (HEAD, or a bounded GET when
 * the server does not answer HEAD usefully); {@link #fetch} is the dispatcher's, before it uploads the file.
 *
 * <p>Known limit: the addresses are checked, then the HTTP client resolves the host again to connect; a host whose
 * DNS answer changes in between (rebinding) is only kept out by the allow-list, which is why the allow-list is required.
 */
public final class AttachmentFetcher {

    static final int MAX_REDIRECTS = 3;

    /** How a host is resolved: the system resolver, or a test's. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    /** What the scheduler learnt at acceptance. {@code bytes}: the announced or counted size. */
    public record Probe(String contentType, long bytes) {
    }

    /** The file, checked: its bytes, type, SHA-256 (hex) and a file name for the upload. */
    public record Fetched(byte[] bytes, String contentType, String sha256, String fileName) {
    }

    private final AttachmentPolicy policy;
    private final Resolver resolver;
    private final HttpClient http;

    public AttachmentFetcher(AttachmentPolicy policy) {
        this(policy, host -> List.of(InetAddress.getAllByName(host)));
    }

    public AttachmentFetcher(AttachmentPolicy policy, Resolver resolver) {
        this.policy = policy;
        this.resolver = resolver;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(policy.timeout()).build();
    }

    public AttachmentPolicy policy() {
        return policy;
    }

    /** Checks the URL and what its server says of the file, without downloading more than the cap. */
    public Probe probe(String url) {
        var head = exchange(url, "HEAD");
        try (var ignored = head.body()) {
            var length = head.headers().firstValueAsLong("Content-Length");
            if (head.statusCode() / 100 == 2 && length.isPresent()) {
                var type = policy.checkType(head.headers().firstValue("Content-Type").orElse(null));
                policy.checkSize(length.getAsLong());
                return new Probe(type, length.getAsLong());
            }
        } catch (IOException ignored) {
            // Nothing was read from a HEAD answer; closing it cannot lose anything.
        }
        var fetched = fetch(url);
        return new Probe(fetched.contentType(), fetched.bytes().length);
    }

    /** Downloads the file, refusing it as soon as it passes the cap, then checks its type against its bytes. */
    public Fetched fetch(String url) {
        var response = exchange(url, "GET");
        try (var body = response.body()) {
            var type = policy.checkType(response.headers().firstValue("Content-Type").orElse(null));
            var announced = response.headers().firstValueAsLong("Content-Length");
            if (announced.isPresent()) {
                policy.checkSize(announced.getAsLong());
            }
            var bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, policy.maxBytes() + 1));
            policy.checkSize(bytes.length);
            policy.checkContent(bytes, type);
            return new Fetched(bytes, type, sha256(bytes), fileName(response.uri(), type));
        } catch (IOException e) {
            throw new AttachmentRefused(AttachmentPolicy.UNREACHABLE, "the attachment could not be read: " + e.getClass().getSimpleName(), true);
        }
    }

    /** A 2xx answer to {@code method}, after the allowed redirects; its body is the caller's to close. */
    private HttpResponse<InputStream> exchange(String url, String method) {
        var uri = policy.checkUrl(url);
        for (int hop = 0; ; hop++) {
            checkAddresses(uri);
            var request = HttpRequest.newBuilder(uri).timeout(policy.timeout())
                    .method(method, HttpRequest.BodyPublishers.noBody())
                    .header("Accept", String.join(", ", AttachmentPolicy.CONTENT_TYPES.keySet())).build();
            HttpResponse<InputStream> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new AttachmentRefused(AttachmentPolicy.UNREACHABLE, "no answer from " + uri.getHost() + ": "
                        + e.getClass().getSimpleName(), true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AttachmentRefused(AttachmentPolicy.UNREACHABLE, "interrupted while fetching the attachment", true);
            }
            int status = response.statusCode();
            if (status / 100 == 3) {
                close(response);
                var location = response.headers().firstValue("Location");
                if (location.isEmpty() || hop >= MAX_REDIRECTS) {
                    throw new AttachmentRefused(AttachmentPolicy.REDIRECT_REFUSED, location.isEmpty()
                            ? "a redirect without a Location" : "more than " + MAX_REDIRECTS + " redirects");
                }
                uri = policy.checkRedirect(uri, uri.resolve(location.get()));
                continue;
            }
            if (status / 100 != 2 && !(method.equals("HEAD") && (status == 405 || status == 501))) {
                close(response);
                throw new AttachmentRefused(AttachmentPolicy.UNREACHABLE, uri.getHost() + " answered HTTP " + status, status >= 500 || status == 429);
            }
            return response;
        }
    }

    private void checkAddresses(URI uri) {
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(uri.getHost());
        } catch (UnknownHostException e) {
            throw new AttachmentRefused(AttachmentPolicy.UNREACHABLE, "host " + uri.getHost() + " does not resolve", true);
        }
        policy.checkAddresses(uri.getHost(), addresses);
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // An answer we do not read: nothing to keep.
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String fileName(URI uri, String type) {
        var path = uri.getPath() == null ? "" : uri.getPath();
        var last = path.substring(path.lastIndexOf('/') + 1);
        var extension = AttachmentPolicy.CONTENT_TYPES.get(type);
        if (last.isBlank() || !last.matches("[A-Za-z0-9._-]{1,100}")) {
            return "fichier." + extension;
        }
        return last.toLowerCase(Locale.ROOT).endsWith("." + extension) ? last : last + "." + extension;
    }
}
