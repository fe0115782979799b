/** Reads the compacted directory topic into the tracker's parent contacts. */
@NullMarked
package io.missive.tracker.directory.kafka;

import org.jspecify.annotations.NullMarked;
