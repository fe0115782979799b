/** What the scheduler purges, and after how long (docs/decisions/0022). */
@org.jspecify.annotations.NullMarked
package io.missive.scheduler.retention;
