/** The send guard's attempts and allow-/block-lists in PostgreSQL. */
@NullMarked
package io.missive.scheduler.guard.jdbc;

import org.jspecify.annotations.NullMarked;
