/** Projects the compacted missive.directory topic into the caller directory. */
@NullMarked
package io.missive.aircall.directory.kafka;

import org.jspecify.annotations.NullMarked;
