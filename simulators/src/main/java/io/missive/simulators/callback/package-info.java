/** Calling Missive back the way the providers do: bounded concurrency, retries with growing pauses. */
@NullMarked
package io.missive.simulators.callback;

import org.jspecify.annotations.NullMarked;
