/** Sign-in: the password check that counts failures and locks accounts. */
@NullMarked
package io.missive.console.people.http;

import org.jspecify.annotations.NullMarked;
