/** The send guard at acceptance and afterwards: screening a command, its attempts, relaunch, dismiss and the lists. */
@NullMarked
package io.missive.scheduler.guard.review;

import org.jspecify.annotations.NullMarked;
