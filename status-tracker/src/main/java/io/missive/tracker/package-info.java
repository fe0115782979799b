/** Projects every event into the Events store and serves queries and metrics. */
@NullMarked
package io.missive.tracker;

import org.jspecify.annotations.NullMarked;
