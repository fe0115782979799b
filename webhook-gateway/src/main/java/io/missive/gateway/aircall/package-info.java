/** Aircall's message and call webhooks, mapped to events. */
@NullMarked
package io.missive.gateway.aircall;

import org.jspecify.annotations.NullMarked;
