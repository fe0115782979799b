/** Opting back in: a START/UNSTOP reply through a provider, or staff revoking an opt-out with an author and a reason. */
@org.jspecify.annotations.NullMarked
package io.missive.gateway.optouts;
