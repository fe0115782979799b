/** What the tracker purges, and after how long (docs/decisions/0022). */
@org.jspecify.annotations.NullMarked
package io.missive.tracker.retention;
