/** The audit log in PostgreSQL (append-only table). */
@NullMarked
package io.missive.tracker.audit.jdbc;

import org.jspecify.annotations.NullMarked;
