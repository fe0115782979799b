/** The erasure's Kafka adapter. */
@org.jspecify.annotations.NullMarked
package io.missive.gateway.erasure.kafka;
