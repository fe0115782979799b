/** The Events store in PostgreSQL: set-based, one transaction per batch. */
@NullMarked
package io.missive.tracker.projection.jdbc;

import org.jspecify.annotations.NullMarked;
