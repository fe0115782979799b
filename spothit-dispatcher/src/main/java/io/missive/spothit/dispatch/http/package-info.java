/** The http adapter of the dispatch capability. */
@NullMarked
package io.missive.spothit.dispatch.http;

import org.jspecify.annotations.NullMarked;
