/** What every provider callback shares: rejection reasons and constant-time secret checks. */
@NullMarked
package io.missive.gateway.webhooks;

import org.jspecify.annotations.NullMarked;
