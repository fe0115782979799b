/** SpotHit callbacks over HTTP. */
@NullMarked
package io.missive.gateway.spothit.http;

import org.jspecify.annotations.NullMarked;
