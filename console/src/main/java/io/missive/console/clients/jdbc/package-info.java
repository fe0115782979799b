/** API clients in the console's PostgreSQL schema, and as the authorization server's registered clients. */
@NullMarked
package io.missive.console.clients.jdbc;

import org.jspecify.annotations.NullMarked;
