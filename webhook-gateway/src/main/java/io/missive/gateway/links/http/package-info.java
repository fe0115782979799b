/** Tracked links over HTTP. */
@NullMarked
package io.missive.gateway.links.http;

import org.jspecify.annotations.NullMarked;
