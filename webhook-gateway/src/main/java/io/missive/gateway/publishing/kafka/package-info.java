/** Adapter. */
@NullMarked
package io.missive.gateway.publishing.kafka;

import org.jspecify.annotations.NullMarked;
