/** The erasure's http adapter. */
@org.jspecify.annotations.NullMarked
package io.missive.tracker.erasure.http;
