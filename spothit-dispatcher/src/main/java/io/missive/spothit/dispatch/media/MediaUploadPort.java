package io.missive.spothit.dispatch.media;

import io.missive.schemas.attachments.AttachmentFetcher.Fetched;
import io.missive.spothit.dispatch.SendOutcome;

/**
 * SpotHit's {@code POST /api/mms/upload}. The answer is a {@link SendOutcome} like a send's: {@code Accepted} carries
 * the media id; {@code Refused}, {@code Unavailable} and {@code Unknown} mean what they mean for a send.
 */
@FunctionalInterface
public interface MediaUploadPort {

    SendOutcome upload(Fetched file);
}
