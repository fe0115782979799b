/** A parent's erasure as every service sees it: the request it acts on, and the confirmation it publishes. */
@org.jspecify.annotations.NullMarked
package io.missive.schemas.erasure;
