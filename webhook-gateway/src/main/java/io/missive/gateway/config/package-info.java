/** Adapter. */
@NullMarked
package io.missive.gateway.config;

import org.jspecify.annotations.NullMarked;
