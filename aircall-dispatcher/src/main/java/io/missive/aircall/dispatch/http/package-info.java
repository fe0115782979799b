/** HTTP adapters of dispatch: the Aircall API client and the dispatcher's own REST endpoints. */
@NullMarked
package io.missive.aircall.dispatch.http;

import org.jspecify.annotations.NullMarked;
