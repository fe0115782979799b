@NullMarked
package io.missive.scheduler.directory.kafka;

import org.jspecify.annotations.NullMarked;
