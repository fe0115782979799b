/** Quiet hours: the sending window no message leaves outside of, unless a command says it is urgent. */
@org.jspecify.annotations.NullMarked
package io.missive.schemas.window;
