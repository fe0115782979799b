/** People who sign in (e-mail, password hash, role) and the lockout rule after repeated failures. */
@NullMarked
package io.missive.console.people;

import org.jspecify.annotations.NullMarked;
