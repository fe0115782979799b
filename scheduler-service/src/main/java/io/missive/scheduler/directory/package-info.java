@NullMarked
package io.missive.scheduler.directory;

import org.jspecify.annotations.NullMarked;
