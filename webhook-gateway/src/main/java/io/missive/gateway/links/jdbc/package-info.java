/** Adapter. */
@NullMarked
package io.missive.gateway.links.jdbc;

import org.jspecify.annotations.NullMarked;
