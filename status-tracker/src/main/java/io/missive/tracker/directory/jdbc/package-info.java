/** The parent contacts in PostgreSQL, and the replies and calls a parent adopts when the directory learns its phone. */
@NullMarked
package io.missive.tracker.directory.jdbc;

import org.jspecify.annotations.NullMarked;
