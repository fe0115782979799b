/** The console's token-signing key: configured, or generated once and kept in a file. */
@NullMarked
package io.missive.console.keys;

import org.jspecify.annotations.NullMarked;
