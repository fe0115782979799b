/** Sends one-to-one messages through Aircall within its rate limit, with durable retries. */
@NullMarked
package io.missive.aircall;

import org.jspecify.annotations.NullMarked;
