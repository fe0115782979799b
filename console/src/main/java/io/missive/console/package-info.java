/** The console: the authorization server, the people who sign in and the API clients machines use. */
@NullMarked
package io.missive.console;

import org.jspecify.annotations.NullMarked;
