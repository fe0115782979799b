/**
 * Sending one message through Aircall: admission (enabled, safeguard, limits), the dispatch ledger
 * with its durable retry schedule, the per-credentials rate limiter and the dispatch loop. Plain
 * Java; the adapters live in {@code kafka}, {@code jdbc} and {@code http}.
 */
@NullMarked
package io.missive.aircall.dispatch;

import org.jspecify.annotations.NullMarked;
