/** Insight cards: the jdbc adapter. */
@NullMarked
package io.missive.aircall.cards.jdbc;

import org.jspecify.annotations.NullMarked;
