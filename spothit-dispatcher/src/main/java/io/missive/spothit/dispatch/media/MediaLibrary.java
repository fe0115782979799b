package io.missive.spothit.dispatch.media;

import io.missive.schemas.attachments.AttachmentFetcher.Fetched;
import io.missive.schemas.attachments.AttachmentRefused;
import io.missive.spothit.dispatch.SendOutcome;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SpotHit media id of an attachment (docs/decisions/0207): known for this campaign's URL, or fetched (under the
 * shared attachment policy) and known by its content's SHA-256, or uploaded once and kept. So a campaign uploads its
 * file once whatever its size, a redelivered batch reuses the id, and two campaigns with the same file share it.
 * Two instances uploading the same new file at the same moment may both upload; the store keeps one id for both.
 */
public final class MediaLibrary {

    private static final Logger log = LoggerFactory.getLogger(MediaLibrary.class);

    /** For a dispatcher that sends no attachments: every one is refused, never sent without its file. */
    public static final MediaLibrary NONE = new MediaLibrary(url -> {
        throw new AttachmentRefused("ATTACHMENT_UPLOAD_OFF", "this dispatcher has no media upload configured");
    }, new MediaStore() {
        @Override
        public java.util.Optional<String> forAttachment(String campaignId, String url) {
            return java.util.Optional.empty();
        }

        @Override
        public java.util.Optional<String> byContent(String sha256) {
            return java.util.Optional.empty();
        }

        @Override
        public String keep(String sha256, String mediaId, String contentType, int bytes) {
            return mediaId;
        }

        @Override
        public void link(String campaignId, String url, String sha256) {
        }

        @Override
        public <T> T exclusively(String key, java.util.function.Supplier<T> work) {
            return work.get();
        }
    }, file -> new SendOutcome.Refused("UPLOAD_OFF", "no media upload configured"));

    private final Function<String, Fetched> fetcher;
    private final MediaStore store;
    private final MediaUploadPort uploads;

    /** @param fetcher fetches and checks a URL's file; throws {@link AttachmentRefused} */
    public MediaLibrary(Function<String, Fetched> fetcher, MediaStore store, MediaUploadPort uploads) {
        this.fetcher = fetcher;
        this.store = store;
        this.uploads = uploads;
    }

    public MediaOutcome mediaFor(String campaignId, String url) {
        var known = store.forAttachment(campaignId, url);
        if (known.isPresent()) {
            return new MediaOutcome.Ready(known.get(), false);
        }
        // The campaign's first calls meet here together: one fetches and uploads, the others then find its id.
        return store.exclusively(campaignId + "\n" + url, () -> fetchAndUpload(campaignId, url));
    }

    private MediaOutcome fetchAndUpload(String campaignId, String url) {
        try {
            var known = store.forAttachment(campaignId, url);
            if (known.isPresent()) {
                return new MediaOutcome.Ready(known.get(), false);
            }
            var file = fetcher.apply(url);
            var kept = store.byContent(file.sha256());
            if (kept.isPresent()) {
                store.link(campaignId, url, file.sha256());
                return new MediaOutcome.Ready(kept.get(), false);
            }
            return switch (uploads.upload(file)) {
                case SendOutcome.Accepted accepted -> {
                    var id = store.keep(file.sha256(), accepted.spotHitMessageId(), file.contentType(), file.bytes().length);
                    store.link(campaignId, url, file.sha256());
                    log.info("event=media.uploaded campaignId={} mediaId={} bytes={} contentType={} sha256={}",
                            campaignId, id, file.bytes().length, file.contentType(), file.sha256());
                    yield new MediaOutcome.Ready(id, true);
                }
                case SendOutcome.Refused refused -> new MediaOutcome.Refused("MEDIA_UPLOAD_REFUSED: " + refused.reason());
                case SendOutcome.Unavailable unavailable -> new MediaOutcome.Unavailable(unavailable.reason());
                // Nothing is sent with an upload: an upload without an answer is simply done again later.
                case SendOutcome.Unknown unknown -> new MediaOutcome.Unavailable("SPOTHIT_UNAVAILABLE: media upload, " + unknown.reason());
            };
        } catch (AttachmentRefused refused) {
            log.warn("event=media.refused campaignId={} rule={} transient={} detail=\"{}\"", campaignId, refused.rule(),
                    refused.transientFailure(), refused.getMessage());
            return refused.transientFailure() ? new MediaOutcome.Unavailable(refused.reason()) : new MediaOutcome.Refused(refused.reason());
        }
    }
}
