/** Sends requested messages to SpotHit in bulk, exactly once. */
@NullMarked
package io.missive.spothit;

import org.jspecify.annotations.NullMarked;
