/** The admins' REST API for API clients. */
@NullMarked
package io.missive.console.clients.http;

import org.jspecify.annotations.NullMarked;
