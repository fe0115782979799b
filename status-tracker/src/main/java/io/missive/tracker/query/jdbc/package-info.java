/** The query API's reads from PostgreSQL. */
@NullMarked
package io.missive.tracker.query.jdbc;

import org.jspecify.annotations.NullMarked;
