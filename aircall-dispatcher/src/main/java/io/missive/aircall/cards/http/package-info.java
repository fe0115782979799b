/** Insight cards: the http adapter. */
@NullMarked
package io.missive.aircall.cards.http;

import org.jspecify.annotations.NullMarked;
