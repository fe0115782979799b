/** The one way every service answers an error: RFC 9457 problem details with a {@code https://missive.io/problems/<kind>} type. */
@NullMarked
package io.missive.schemas.problems;

import org.jspecify.annotations.NullMarked;
