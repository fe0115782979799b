/**
 * Dispatching requested messages to SpotHit: bulk planning, the safeguard, the exactly-once ledger
 * protocol and the resilient call. Plain Java; Kafka, HTTP and JDBC live in the adapter packages.
 */
@NullMarked
package io.missive.spothit.dispatch;

import org.jspecify.annotations.NullMarked;
