/** The provider simulators' launcher and what the SpotHit and Aircall simulators share. */
@NullMarked
package io.missive.simulators;

import org.jspecify.annotations.NullMarked;
