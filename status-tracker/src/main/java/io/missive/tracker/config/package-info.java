/** Wiring, typed configuration and metrics. */
@NullMarked
package io.missive.tracker.config;

import org.jspecify.annotations.NullMarked;
