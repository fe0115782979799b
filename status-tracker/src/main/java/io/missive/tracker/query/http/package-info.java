/** The query API over HTTP (RFC 9457 problems). */
@NullMarked
package io.missive.tracker.query.http;

import org.jspecify.annotations.NullMarked;
