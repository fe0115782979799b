@NullMarked
package io.missive.scheduler.program;

import org.jspecify.annotations.NullMarked;
