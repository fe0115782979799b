/** A parent's erasure in the Events store, and the record of every service's confirmation. */
@org.jspecify.annotations.NullMarked
package io.missive.tracker.erasure;
