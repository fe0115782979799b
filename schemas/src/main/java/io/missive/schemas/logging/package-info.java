/** Masking of phone numbers and secrets before anything is logged. */
@NullMarked
package io.missive.schemas.logging;

import org.jspecify.annotations.NullMarked;
