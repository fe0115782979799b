/** Kafka adapters of dispatch: requested messages in, status events out. */
@NullMarked
package io.missive.aircall.dispatch.kafka;

import org.jspecify.annotations.NullMarked;
