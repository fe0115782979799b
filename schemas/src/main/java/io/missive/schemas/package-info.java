/**
 * Missive's shared kernel: the event contracts (generated into {@code io.missive.events}), their
 * serde, the topic catalog, identifiers, log masking and the one Kafka configuration.
 */
@NullMarked
package io.missive.schemas;

import org.jspecify.annotations.NullMarked;
