/** The typed topic catalog and the administration that creates its topics. */
@NullMarked
package io.missive.schemas.topics;

import org.jspecify.annotations.NullMarked;
