/** Rules about message text that more than one service must apply the same way. */
@org.jspecify.annotations.NullMarked
package io.missive.schemas.text;
