/** The erasure's kafka adapter. */
@org.jspecify.annotations.NullMarked
package io.missive.aircall.erasure.kafka;
