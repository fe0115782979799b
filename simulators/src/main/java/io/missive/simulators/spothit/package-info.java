/**
 * A SpotHit stand-in over real HTTP: the bulk SMS and MMS endpoints with SpotHit's form fields and
 * error codes, delivery receipts to a callback URL, fault injection, and a record of every recipient
 * it accepted. Start it with {@link io.missive.simulators.spothit.SpotHitSimulator#start}.
 */
@NullMarked
package io.missive.simulators.spothit;

import org.jspecify.annotations.NullMarked;
