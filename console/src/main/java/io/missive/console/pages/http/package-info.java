/** The staff's pages: compose with a live preview, campaigns, replies, opt-outs, guard, audit, users and API keys. */
@org.jspecify.annotations.NullMarked
package io.missive.console.pages.http;
