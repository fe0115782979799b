/** Unknown outcomes reconciled from the provider's receipts: which message adopts which campaign (decision 0504). */
@org.jspecify.annotations.NullMarked
package io.missive.tracker.reconciliation;
