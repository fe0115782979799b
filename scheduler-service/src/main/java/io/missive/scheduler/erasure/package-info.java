/** A parent's erasure: requested through the API, carried out on ParentErased, confirmed on missive.erasures. */
@org.jspecify.annotations.NullMarked
package io.missive.scheduler.erasure;
