package io.missive.schemas.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a local HTTP server: "localhost" is the devstack's own host here, the only way to reach it. */
class AttachmentFetcherUnitTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4};

    private HttpServer server;
    private final AtomicInteger bodiesServed = new AtomicInteger();
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/sample.png", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "image/png");
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().set("Content-Length", String.valueOf(PNG.length));
                exchange.sendResponseHeaders(200, -1);
            } else {
                bodiesServed.incrementAndGet();
                exchange.sendResponseHeaders(200, PNG.length);
                exchange.getResponseBody().write(PNG);
            }
            exchange.close();
        });
        server.createContext("/no-head.png", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "image/png");
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(405, -1);
            } else {
                exchange.sendResponseHeaders(200, 0);
                exchange.getResponseBody().write(PNG);
            }
            exchange.close();
        });
        server.createContext("/big.png", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, 0);
            if (!exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseBody().write(PNG);
                exchange.getResponseBody().write(new byte[4096]);
            }
            exchange.close();
        });
        server.createContext("/page.png", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "image/png");
            var html = "<html>not an image</html>".getBytes();
            exchange.sendResponseHeaders(200, exchange.getRequestMethod().equals("HEAD") ? -1 : html.length);
            if (!exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseBody().write(html);
            }
            exchange.close();
        });
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().set("Location", "/sample.png");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/elsewhere", exchange -> {
            exchange.getResponseHeaders().set("Location", "https://media.example.org/sample.png");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/gone.png", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        base = "http://localhost:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private AttachmentFetcher fetcher(long maxBytes) {
        return new AttachmentFetcher(AttachmentPolicy.of(List.of("media.example.org"), List.of("localhost"), maxBytes,
                Duration.ofSeconds(5)));
    }

    @Test
    void aProbeAsksForHeadersOnlyAndAFetchChecksTheBytes() {
        var probe = fetcher(1000).probe(base + "/sample.png");
        assertThat(probe.contentType()).isEqualTo("image/png");
        assertThat(bodiesServed).hasValue(0);
        var fetched = fetcher(1000).fetch(base + "/sample.png");
        assertThat(fetched.bytes()).isEqualTo(PNG);
        assertThat(fetched.sha256()).hasSize(64).isEqualTo(AttachmentFetcher.sha256(PNG));
        assertThat(fetched.fileName()).isEqualTo("sample.png");
    }

    @Test
    void aServerThatRefusesHeadIsCheckedWithABoundedGet() {
        assertThat(fetcher(1000).probe(base + "/no-head.png").bytes()).isEqualTo(PNG.length);
    }

    @Test
    void aFileOverTheCapIsRefusedWithoutReadingItAll() {
        assertRule(() -> fetcher(1000).probe(base + "/big.png"), AttachmentPolicy.TOO_LARGE, false);
        assertRule(() -> fetcher(1000).fetch(base + "/big.png"), AttachmentPolicy.TOO_LARGE, false);
    }

    @Test
    void bytesThatAreNotWhatTheServerSaysAreRefused() {
        assertRule(() -> fetcher(1000).fetch(base + "/page.png"), AttachmentPolicy.TYPE_NOT_ALLOWED, false);
    }

    @Test
    void redirectsAreFollowedOnTheSameHostOnly() {
        assertThat(fetcher(1000).fetch(base + "/moved").bytes()).isEqualTo(PNG);
        assertRule(() -> fetcher(1000).fetch(base + "/elsewhere"), AttachmentPolicy.REDIRECT_REFUSED, false);
    }

    @Test
    void loopbackIsRefusedForAHostThatIsNotTheDevstacksOwn() {
        var fetcher = new AttachmentFetcher(AttachmentPolicy.of(List.of("localhost"), List.of(), 1000, Duration.ofSeconds(5)));
        var https = "https://localhost:" + server.getAddress().getPort() + "/sample.png";
        assertRule(() -> fetcher.probe(https), AttachmentPolicy.PRIVATE_ADDRESS, false);
    }

    @Test
    void aMissingFileIsFinalAndAnUnansweringHostIsTransient() throws IOException {
        assertRule(() -> fetcher(1000).fetch(base + "/gone.png"), AttachmentPolicy.UNREACHABLE, false);
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertRule(() -> fetcher(1000).fetch("http://localhost:" + closedPort + "/a.png"), AttachmentPolicy.UNREACHABLE, true);
    }

    private static void assertRule(Runnable check, String rule, boolean transientFailure) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(AttachmentRefused.class, e -> {
            assertThat(e.rule()).isEqualTo(rule);
            assertThat(e.transientFailure()).isEqualTo(transientFailure);
        });
    }
}
