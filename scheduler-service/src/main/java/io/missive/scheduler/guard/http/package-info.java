/** The send guard's REST API: attempts (list, relaunch, dismiss) and the allow-/block-lists. */
@NullMarked
package io.missive.scheduler.guard.http;

import org.jspecify.annotations.NullMarked;
