/** The erasure's http adapter. */
@org.jspecify.annotations.NullMarked
package io.missive.scheduler.erasure.http;
