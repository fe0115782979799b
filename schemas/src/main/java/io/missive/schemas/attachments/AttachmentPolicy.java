package io.missive.schemas.attachments;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The rules an attachment URL and its file must meet before Missive fetches it or sends it (docs/decisions/0207):
 * {@code https} only, a host on the allow-list ({@code MISSIVE_ATTACHMENT_HOSTS}), public addresses only, at most
 * {@code maxBytes}, and one of the types SpotHit sends by MMS (JPEG, PNG, GIF, MP4). {@code localHosts} are the
 * devstack's own hosts, named explicitly: they may resolve to loopback or private addresses and be fetched over
 * plain http, because the local stack has no certificate authority. Pure: the fetch is {@link AttachmentFetcher}.
 */
public record AttachmentPolicy(Set<String> hosts, Set<String> localHosts, long maxBytes, Duration timeout) {

    /**
     * 500 KiB. SpotHit's own limit is not published where we could read it; French operators cap an MMS at about
     * 300–600 KB in all, so a file above this would be refused or degraded on the way (decision 0207).
     */
    public static final long DEFAULT_MAX_BYTES = 500 * 1024;
    /** The content types SpotHit sends by MMS, with the file extension used when uploading. */
    public static final Map<String, String> CONTENT_TYPES = Map.of(
            "image/jpeg", "jpg", "image/png", "png", "image/gif", "gif", "video/mp4", "mp4");

    public static final String NOT_HTTPS = "ATTACHMENT_NOT_HTTPS";
    public static final String HOST_NOT_ALLOWED = "ATTACHMENT_HOST_NOT_ALLOWED";
    public static final String PRIVATE_ADDRESS = "ATTACHMENT_PRIVATE_ADDRESS";
    public static final String REDIRECT_REFUSED = "ATTACHMENT_REDIRECT_REFUSED";
    public static final String TOO_LARGE = "ATTACHMENT_TOO_LARGE";
    public static final String TYPE_NOT_ALLOWED = "ATTACHMENT_TYPE_NOT_ALLOWED";
    public static final String UNREACHABLE = "ATTACHMENT_UNREACHABLE";

    public AttachmentPolicy {
        hosts = normalised(hosts);
        localHosts = normalised(localHosts);
        if (maxBytes < 1) {
            throw new IllegalArgumentException("the attachment size cap must be positive, was " + maxBytes);
        }
    }

    public static AttachmentPolicy of(@Nullable List<String> hosts, @Nullable List<String> localHosts, long maxBytes,
                                      Duration timeout) {
        return new AttachmentPolicy(hosts == null ? Set.of() : Set.copyOf(hosts),
                localHosts == null ? Set.of() : Set.copyOf(localHosts), maxBytes, timeout);
    }

    /** The URL, if its scheme and host are allowed. */
    public URI checkUrl(String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException | NullPointerException e) {
            throw new AttachmentRefused(NOT_HTTPS, "the attachment URL is not a URL");
        }
        var host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (host == null || uri.getRawUserInfo() != null) {
            throw new AttachmentRefused(HOST_NOT_ALLOWED, "the attachment URL names no host (or carries credentials)");
        }
        boolean local = localHosts.contains(host);
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(local && scheme.equals("http"))) {
            throw new AttachmentRefused(NOT_HTTPS, "attachments are fetched over https only, not " + (scheme.isEmpty() ? "no scheme" : scheme));
        }
        if (!local && !allowed(host)) {
            throw new AttachmentRefused(HOST_NOT_ALLOWED, "host " + host + " is not in MISSIVE_ATTACHMENT_HOSTS");
        }
        return uri;
    }

    /** Every address the host resolves to must be public, unless the host is one of the devstack's own. */
    public void checkAddresses(String host, List<InetAddress> addresses) {
        if (localHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return;
        }
        for (var address : addresses) {
            if (!isPublic(address)) {
                throw new AttachmentRefused(PRIVATE_ADDRESS, "host " + host + " resolves to a private, loopback or reserved address");
            }
        }
    }

    /** A redirect is followed only to the same host, and only to a URL the rules allow. */
    public URI checkRedirect(URI from, URI to) {
        if (to.getHost() == null || !to.getHost().equalsIgnoreCase(from.getHost())) {
            throw new AttachmentRefused(REDIRECT_REFUSED, "the attachment URL redirects to another host ("
                    + (to.getHost() == null ? "none" : to.getHost()) + ")");
        }
        return checkUrl(to.toString());
    }

    /** The media type without parameters, lower case, if it is one SpotHit sends. */
    public String checkType(@Nullable String contentType) {
        var type = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!CONTENT_TYPES.containsKey(type)) {
            throw new AttachmentRefused(TYPE_NOT_ALLOWED, "content type " + (type.isEmpty() ? "(none)" : type)
                    + " is not one of " + CONTENT_TYPES.keySet().stream().sorted().collect(Collectors.joining(", ")));
        }
        return type;
    }

    public void checkSize(long bytes) {
        if (bytes > maxBytes) {
            throw new AttachmentRefused(TOO_LARGE, "the attachment has " + bytes + " bytes; at most " + maxBytes + " are sent");
        }
    }

    /** The bytes must be what the server says they are: a text page served as image/png is refused. */
    public void checkContent(byte[] bytes, String type) {
        boolean matches = switch (type) {
            case "image/jpeg" -> startsWith(bytes, 0, 0xFF, 0xD8, 0xFF);
            case "image/png" -> startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
            case "image/gif" -> startsWith(bytes, 0, 'G', 'I', 'F', '8');
            case "video/mp4" -> startsWith(bytes, 4, 'f', 't', 'y', 'p');
            default -> false;
        };
        if (!matches) {
            throw new AttachmentRefused(TYPE_NOT_ALLOWED, "the file's content is not " + type);
        }
    }

    /** Loopback, private (RFC 1918, unique-local), link-local, shared (100.64/10), multicast and unspecified are not. */
    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        var bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xFE) != 0xFC;
        }
        int first = bytes[0] & 0xFF;
        int second = bytes[1] & 0xFF;
        return first != 0 && !(first == 100 && second >= 64 && second < 128) && !(first == 169 && second == 254)
                && !(first == 192 && second == 0 && (bytes[2] & 0xFF) == 0) && first < 240;
    }

    private boolean allowed(String host) {
        if (hosts.contains(host)) {
            return true;
        }
        // "*.example.org" allows the subdomains of example.org, not example.org itself.
        return hosts.stream().anyMatch(h -> h.startsWith("*.") && host.endsWith(h.substring(1)));
    }

    private static boolean startsWith(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> normalised(@Nullable Set<String> hosts) {
        return hosts == null ? Set.of() : hosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
