/** Turns provider callbacks and tracked-link clicks into events. */
@NullMarked
package io.missive.gateway;

import org.jspecify.annotations.NullMarked;
