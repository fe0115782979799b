/** Test clients of the real broker: a probe that reads topics and a producer that writes them. */
@NullMarked
package io.missive.testkit.kafka;

import org.jspecify.annotations.NullMarked;
