/** The kafka adapter of the dispatch capability. */
@NullMarked
package io.missive.spothit.dispatch.kafka;

import org.jspecify.annotations.NullMarked;
