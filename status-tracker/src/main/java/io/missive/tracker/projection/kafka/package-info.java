/** The batch listener that feeds the projection from Kafka. */
@NullMarked
package io.missive.tracker.projection.kafka;

import org.jspecify.annotations.NullMarked;
