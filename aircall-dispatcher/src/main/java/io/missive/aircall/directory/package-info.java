/** Who calls: the phone → parent view (name, children's first names) kept from the directory topic. */
@NullMarked
package io.missive.aircall.directory;

import org.jspecify.annotations.NullMarked;
