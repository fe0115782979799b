package io.missive.spothit.dispatch.media;

/** What became of getting a SpotHit media id for an attachment. */
public sealed interface MediaOutcome {

    /** SpotHit knows the file under this id; {@code uploaded}: it was uploaded just now (not found in the store). */
    record Ready(String mediaId, boolean uploaded) implements MediaOutcome {
    }

    /** The attachment breaks the policy, is gone, or SpotHit refused the upload: sending again would not help. */
    record Refused(String reason) implements MediaOutcome {
    }

    /** The attachment's host or SpotHit did not answer (or answered 5xx, 429): the messages wait and try again. */
    record Unavailable(String reason) implements MediaOutcome {
    }
}
