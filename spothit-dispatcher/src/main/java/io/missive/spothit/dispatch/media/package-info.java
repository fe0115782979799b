/** SpotHit media: an attachment fetched once, uploaded once per content (SHA-256), its media id reused by every call. */
@org.jspecify.annotations.NullMarked
package io.missive.spothit.dispatch.media;
