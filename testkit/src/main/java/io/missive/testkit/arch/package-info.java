/** The architecture rules every service's tests include. */
@NullMarked
package io.missive.testkit.arch;

import org.jspecify.annotations.NullMarked;
