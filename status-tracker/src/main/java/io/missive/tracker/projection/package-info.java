/** The projection of every event into the Events store: the status machine and the rules that apply events. */
@NullMarked
package io.missive.tracker.projection;

import org.jspecify.annotations.NullMarked;
