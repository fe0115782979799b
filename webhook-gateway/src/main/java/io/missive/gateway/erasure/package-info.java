/** A parent's erasure at the gateway: their tracked links, and their STOP moved to the phone's hash. */
@org.jspecify.annotations.NullMarked
package io.missive.gateway.erasure;
