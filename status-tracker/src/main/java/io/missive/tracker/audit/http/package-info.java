/** GET /api/v1/audit, for admins. */
@NullMarked
package io.missive.tracker.audit.http;

import org.jspecify.annotations.NullMarked;
