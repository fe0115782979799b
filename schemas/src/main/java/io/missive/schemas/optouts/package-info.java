/** Who opted out: the question a dispatcher asks just before the provider call. */
@org.jspecify.annotations.NullMarked
package io.missive.schemas.optouts;
