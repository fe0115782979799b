/** What every HTTP endpoint of the gateway shares: problems, the body-size cap, the 200 body. */
@NullMarked
package io.missive.gateway.web.http;

import org.jspecify.annotations.NullMarked;
