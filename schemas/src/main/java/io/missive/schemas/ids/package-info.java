/** Deterministic identifiers: a message's id from its command and recipient. */
@NullMarked
package io.missive.schemas.ids;

import org.jspecify.annotations.NullMarked;
