/** Real infrastructure for tests: one Kafka broker and one PostgreSQL per JVM, a namespace per test class. */
@NullMarked
package io.missive.testkit;

import org.jspecify.annotations.NullMarked;
