/** The send guard's core (issue 18): finds links, block-listed words and phone numbers in a message's text; plain Java. */
@NullMarked
package io.missive.scheduler.guard;

import org.jspecify.annotations.NullMarked;
