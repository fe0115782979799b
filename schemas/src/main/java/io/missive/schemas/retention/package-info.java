/** How long personal data is kept, and the one batched purge every service runs on its own tables. */
@org.jspecify.annotations.NullMarked
package io.missive.schemas.retention;
