/** The erasure's jdbc adapter. */
@org.jspecify.annotations.NullMarked
package io.missive.tracker.erasure.jdbc;
