@NullMarked
package io.missive.scheduler.rendering;

import org.jspecify.annotations.NullMarked;
