/**
 * A stand-in for Aircall's public API (native SMS send, HTTP Basic, rate-limit headers) that also
 * fires Aircall-shaped webhooks, injects faults on demand and records what it accepted.
 */
@NullMarked
package io.missive.simulators.aircall;

import org.jspecify.annotations.NullMarked;
