/** SpotHit's callbacks: delivery receipts, STOP and replies, mapped to events. */
@NullMarked
package io.missive.gateway.spothit;

import org.jspecify.annotations.NullMarked;
