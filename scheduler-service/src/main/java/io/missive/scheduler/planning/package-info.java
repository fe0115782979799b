@NullMarked
package io.missive.scheduler.planning;

import org.jspecify.annotations.NullMarked;
