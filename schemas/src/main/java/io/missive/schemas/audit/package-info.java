/** The audit trail every service writes to: audited acts, their publisher on {@code missive.audit}, the caller of a request. */
@NullMarked
package io.missive.schemas.audit;

import org.jspecify.annotations.NullMarked;
