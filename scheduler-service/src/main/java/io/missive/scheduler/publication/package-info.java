@NullMarked
package io.missive.scheduler.publication;

import org.jspecify.annotations.NullMarked;
