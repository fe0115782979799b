package io.missive.schemas.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttachmentPolicyUnitTest {

    private final AttachmentPolicy policy = AttachmentPolicy.of(List.of("media.example.org", "*.cdn.example.net"),
            List.of("simulator.local"), 1000, Duration.ofSeconds(2));

    @Test
    void onlyHttpsFromAnAllowedHost() {
        assertThat(policy.checkUrl("https://media.example.org/a.png").getHost()).isEqualTo("media.example.org");
        assertThat(policy.checkUrl("https://img.cdn.example.net/a.png").getHost()).isEqualTo("img.cdn.example.net");
        assertRule(() -> policy.checkUrl("http://media.example.org/a.png"), AttachmentPolicy.NOT_HTTPS);
        assertRule(() -> policy.checkUrl("ftp://media.example.org/a.png"), AttachmentPolicy.NOT_HTTPS);
        assertRule(() -> policy.checkUrl("https://evil.example.com/a.png"), AttachmentPolicy.HOST_NOT_ALLOWED);
        assertRule(() -> policy.checkUrl("https://cdn.example.net/a.png"), AttachmentPolicy.HOST_NOT_ALLOWED);
        assertRule(() -> policy.checkUrl("https://user:pw@media.example.org/a.png"), AttachmentPolicy.HOST_NOT_ALLOWED);
        assertRule(() -> policy.checkUrl("not a url"), AttachmentPolicy.NOT_HTTPS);
    }

    @Test
    void noAllowListRefusesEveryAttachment() {
        var closed = AttachmentPolicy.of(null, null, 1000, Duration.ofSeconds(2));
        assertRule(() -> closed.checkUrl("https://media.example.org/a.png"), AttachmentPolicy.HOST_NOT_ALLOWED);
    }

    @Test
    void privateAndLoopbackAddressesAreRefusedButForTheDevstacksOwnHosts() throws Exception {
        for (var address : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
                "0.0.0.0", "::1", "fd00::1", "fe80::1")) {
            var resolved = List.of(InetAddress.getByName(address));
            assertRule(() -> policy.checkAddresses("media.example.org", resolved), AttachmentPolicy.PRIVATE_ADDRESS);
        }
        policy.checkAddresses("media.example.org", List.of(InetAddress.getByName("93.184.215.14")));
        policy.checkAddresses("simulator.local", List.of(InetAddress.getByName("127.0.0.1")));
        assertThat(policy.checkUrl("http://simulator.local:8090/sample.png").getScheme()).isEqualTo("http");
    }

    @Test
    void aRedirectStaysOnTheSameHost() {
        var from = URI.create("https://media.example.org/a.png");
        assertThat(policy.checkRedirect(from, URI.create("https://media.example.org/b.png")).getPath()).isEqualTo("/b.png");
        assertRule(() -> policy.checkRedirect(from, URI.create("https://img.cdn.example.net/b.png")), AttachmentPolicy.REDIRECT_REFUSED);
        assertRule(() -> policy.checkRedirect(from, URI.create("http://media.example.org/b.png")), AttachmentPolicy.NOT_HTTPS);
    }

    @Test
    void typesAreThoseSpotHitSendsAndTheBytesMustAgree() {
        assertThat(policy.checkType("image/PNG; charset=binary")).isEqualTo("image/png");
        assertRule(() -> policy.checkType("text/html"), AttachmentPolicy.TYPE_NOT_ALLOWED);
        assertRule(() -> policy.checkType(null), AttachmentPolicy.TYPE_NOT_ALLOWED);
        policy.checkContent(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}, "image/jpeg");
        policy.checkContent("GIF89a".getBytes(), "image/gif");
        policy.checkContent(new byte[]{0, 0, 0, 0x18, 'f', 't', 'y', 'p'}, "video/mp4");
        assertRule(() -> policy.checkContent("<html>".getBytes(), "image/png"), AttachmentPolicy.TYPE_NOT_ALLOWED);
    }

    @Test
    void theSizeCapHolds() {
        policy.checkSize(1000);
        assertRule(() -> policy.checkSize(1001), AttachmentPolicy.TOO_LARGE);
    }

    private static void assertRule(Runnable check, String rule) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(AttachmentRefused.class, e -> assertThat(e.rule()).isEqualTo(rule));
    }
}
