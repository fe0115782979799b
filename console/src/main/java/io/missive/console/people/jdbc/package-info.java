/** People in the console's PostgreSQL schema. */
@NullMarked
package io.missive.console.people.jdbc;

import org.jspecify.annotations.NullMarked;
