/** {@code POST /api/v1/optouts/{phone}/revoke}. */
@org.jspecify.annotations.NullMarked
package io.missive.gateway.optouts.http;
