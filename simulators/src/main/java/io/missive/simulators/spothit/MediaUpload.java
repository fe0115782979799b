package io.missive.simulators.spothit;

/** A file uploaded to {@code POST /api/mms/upload}: the id answered, and the SHA-256 (hex) and size of its bytes. */
public record MediaUpload(String mediaId, String sha256, int bytes, String contentType, String fileName) {
}
