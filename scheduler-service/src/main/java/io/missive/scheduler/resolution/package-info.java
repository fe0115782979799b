@NullMarked
package io.missive.scheduler.resolution;

import org.jspecify.annotations.NullMarked;
