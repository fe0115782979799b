package io.missive.spothit.dispatch.media;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The media ids SpotHit gave, by the SHA-256 of the file's bytes, and which file a campaign's attachment URL turned out
 * to be. The second saves the download: a campaign of 100,000 recipients in 200 calls fetches its file once.
 */
public interface MediaStore {

    /** The media id of the file this campaign's attachment URL was found to hold, if it was fetched before. */
    Optional<String> forAttachment(String campaignId, String url);

    Optional<String> byContent(String sha256);

    /**
     * Keeps the id for this content unless one is kept already (another instance uploaded the same file at the same
     * time); returns the id kept, which every caller then uses.
     */
    String keep(String sha256, String mediaId, String contentType, int bytes);

    /** Remembers that this campaign's attachment URL holds this content. */
    void link(String campaignId, String url, String sha256);

    /**
     * Runs {@code work} while no other caller, in this instance or another, runs work under the same key: the consumer
     * threads and instances that meet a campaign's first calls together wait for one upload instead of making three.
     */
    <T> T exclusively(String key, Supplier<T> work);
}
