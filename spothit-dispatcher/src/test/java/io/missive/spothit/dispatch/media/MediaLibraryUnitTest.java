package io.missive.spothit.dispatch.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.missive.schemas.attachments.AttachmentFetcher.Fetched;
import io.missive.schemas.attachments.AttachmentRefused;
import io.missive.spothit.dispatch.SendOutcome;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class MediaLibraryUnitTest {

    private final Map<String, String> byHash = new HashMap<>();
    private final Map<String, String> byUrl = new HashMap<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final AtomicInteger uploads = new AtomicInteger();

    private final MediaStore store = new MediaStore() {
        @Override
        public Optional<String> forAttachment(String campaignId, String url) {
            return Optional.ofNullable(byUrl.get(campaignId + url)).map(byHash::get);
        }

        @Override
        public Optional<String> byContent(String sha256) {
            return Optional.ofNullable(byHash.get(sha256));
        }

        @Override
        public String keep(String sha256, String mediaId, String contentType, int bytes) {
            return byHash.computeIfAbsent(sha256, h -> mediaId);
        }

        @Override
        public void link(String campaignId, String url, String sha256) {
            byUrl.put(campaignId + url, sha256);
        }

        @Override
        public <T> T exclusively(String key, Supplier<T> work) {
            return work.get();
        }
    };

    private MediaLibrary library(SendOutcome uploadAnswer) {
        return new MediaLibrary(url -> {
            fetches.incrementAndGet();
            if (url.contains("gone")) {
                throw new AttachmentRefused("ATTACHMENT_UNREACHABLE", "404");
            }
            if (url.contains("down")) {
                throw new AttachmentRefused("ATTACHMENT_UNREACHABLE", "no answer", true);
            }
            return new Fetched(new byte[]{1, 2, 3}, "image/png", "hash-of-" + url.replaceAll(".*/", ""), "a.png");
        }, store, file -> {
            uploads.incrementAndGet();
            return uploadAnswer;
        });
    }

    @Test
    void aCampaignFetchesAndUploadsOnceAndAnotherCampaignWithTheSameFileOnlyFetches() {
        var library = library(new SendOutcome.Accepted("m-1"));

        assertThat(library.mediaFor("c1", "https://h/a.png")).isEqualTo(new MediaOutcome.Ready("m-1", true));
        assertThat(library.mediaFor("c1", "https://h/a.png")).isEqualTo(new MediaOutcome.Ready("m-1", false));
        assertThat(library.mediaFor("c2", "https://other/a.png")).isEqualTo(new MediaOutcome.Ready("m-1", false));
        assertThat(fetches).hasValue(2);
        assertThat(uploads).hasValue(1);
    }

    @Test
    void aRefusedFileFailsAndAnAbsentHostOrSpotHitWaits() {
        assertThat(library(new SendOutcome.Accepted("m")).mediaFor("c", "https://h/gone.png"))
                .isEqualTo(new MediaOutcome.Refused("ATTACHMENT_UNREACHABLE: 404"));
        assertThat(library(new SendOutcome.Accepted("m")).mediaFor("c", "https://h/down.png"))
                .isInstanceOf(MediaOutcome.Unavailable.class);
        assertThat(library(new SendOutcome.Refused("fichier", "trop lourd")).mediaFor("c", "https://h/b.png"))
                .isEqualTo(new MediaOutcome.Refused("MEDIA_UPLOAD_REFUSED: SPOTHIT_fichier: trop lourd"));
        assertThat(library(new SendOutcome.Unavailable("SPOTHIT_UNAVAILABLE: HTTP 503")).mediaFor("c", "https://h/c.png"))
                .isInstanceOf(MediaOutcome.Unavailable.class);
        assertThat(byUrl).as("nothing kept for a file that did not go up").isEmpty();
    }
}
