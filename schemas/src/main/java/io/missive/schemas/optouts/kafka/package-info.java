/** The opt-out set kept from the compacted {@code missive.optouts} topic. */
@org.jspecify.annotations.NullMarked
package io.missive.schemas.optouts.kafka;
