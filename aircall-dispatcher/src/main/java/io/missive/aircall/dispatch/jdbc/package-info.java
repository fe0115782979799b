/** The dispatch ledger and its durable retries, in the aircall-dispatcher's PostgreSQL schema. */
@NullMarked
package io.missive.aircall.dispatch.jdbc;

import org.jspecify.annotations.NullMarked;
