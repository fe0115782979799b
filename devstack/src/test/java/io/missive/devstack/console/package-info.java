/** The console's pages driven in headless Chromium against the whole local stack (issue 21). */
@org.jspecify.annotations.NullMarked
package io.missive.devstack.console;
