/** API clients (API keys): a client id and a hashed secret with a name, scopes, an expiry, revocable. */
@NullMarked
package io.missive.console.clients;

import org.jspecify.annotations.NullMarked;
