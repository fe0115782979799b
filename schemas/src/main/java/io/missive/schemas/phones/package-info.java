/** Phone numbers as people and providers write them, parsed once, kept as E.164 (libphonenumber, default region FR). */
@NullMarked
package io.missive.schemas.phones;

import org.jspecify.annotations.NullMarked;
