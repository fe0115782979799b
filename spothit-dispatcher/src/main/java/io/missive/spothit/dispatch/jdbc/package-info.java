/** The jdbc adapter of the dispatch capability. */
@NullMarked
package io.missive.spothit.dispatch.jdbc;

import org.jspecify.annotations.NullMarked;
