/** Takes program commands, resolves and renders recipients, publishes due messages. */
@NullMarked
package io.missive.scheduler;

import org.jspecify.annotations.NullMarked;
