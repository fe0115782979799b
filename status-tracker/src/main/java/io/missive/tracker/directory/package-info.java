/** The tracker's view of the directory: each parent's phone and supporter, to tie replies and calls to their parents. */
@NullMarked
package io.missive.tracker.directory;

import org.jspecify.annotations.NullMarked;
