/** The audit trail as the tracker keeps it: entries from {@code missive.audit}, append-only, queried by admins. */
@NullMarked
package io.missive.tracker.audit;

import org.jspecify.annotations.NullMarked;
