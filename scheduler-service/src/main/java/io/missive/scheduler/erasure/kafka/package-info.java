/** The erasure's kafka adapter. */
@org.jspecify.annotations.NullMarked
package io.missive.scheduler.erasure.kafka;
