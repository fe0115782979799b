/** The port through which callbacks become events, acknowledged before the provider hears back. */
@NullMarked
package io.missive.gateway.publishing;

import org.jspecify.annotations.NullMarked;
