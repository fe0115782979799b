/**
 * Insight cards: when a parent calls a supporter's Aircall number, a card on the agent's screen with
 * the parent's name, their children's first names and the last message this line sent them. Posted
 * before the messages waiting, within the same Aircall limit, and dropped once the phone has stopped
 * ringing (decision 0304). Plain Java; the adapters live in {@code kafka}, {@code jdbc} and {@code http}.
 */
@NullMarked
package io.missive.aircall.cards;

import org.jspecify.annotations.NullMarked;
