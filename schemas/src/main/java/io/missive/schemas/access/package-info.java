/**
 * Who may call a service: the scopes of the console's access tokens, each service's rules, and the one
 * resource-server configuration that enforces them (401 and 403 as problem details).
 */
@NullMarked
package io.missive.schemas.access;

import org.jspecify.annotations.NullMarked;
