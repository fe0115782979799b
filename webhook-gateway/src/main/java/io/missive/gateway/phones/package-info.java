/** Phone number normalisation. */
@NullMarked
package io.missive.gateway.phones;

import org.jspecify.annotations.NullMarked;
