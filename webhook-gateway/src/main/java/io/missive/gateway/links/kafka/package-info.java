/** Adapter. */
@NullMarked
package io.missive.gateway.links.kafka;

import org.jspecify.annotations.NullMarked;
