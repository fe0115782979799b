/** The console's Spring wiring: its security filter chains, the authorization server, typed configuration. */
@NullMarked
package io.missive.console.config;

import org.jspecify.annotations.NullMarked;
