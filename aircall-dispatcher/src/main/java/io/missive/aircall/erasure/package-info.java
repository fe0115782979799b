/** A parent's erasure in the dispatch ledger, and the ledger's retention. */
@org.jspecify.annotations.NullMarked
package io.missive.aircall.erasure;
