/** Wiring and typed configuration of the SpotHit dispatcher. */
@NullMarked
package io.missive.spothit.config;

import org.jspecify.annotations.NullMarked;
