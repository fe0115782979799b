/** Tracked links {@code /r/{code}}: the link table fed from planned messages, and clicks. */
@NullMarked
package io.missive.gateway.links;

import org.jspecify.annotations.NullMarked;
