@NullMarked
package io.missive.scheduler.program.kafka;

import org.jspecify.annotations.NullMarked;
