/** Insight cards: the kafka adapter. */
@NullMarked
package io.missive.aircall.cards.kafka;

import org.jspecify.annotations.NullMarked;
