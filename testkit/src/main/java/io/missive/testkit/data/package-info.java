/** Sample events for tests. */
@NullMarked
package io.missive.testkit.data;

import org.jspecify.annotations.NullMarked;
