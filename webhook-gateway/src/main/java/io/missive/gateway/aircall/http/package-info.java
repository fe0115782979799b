/** Aircall webhooks over HTTP. */
@NullMarked
package io.missive.gateway.aircall.http;

import org.jspecify.annotations.NullMarked;
