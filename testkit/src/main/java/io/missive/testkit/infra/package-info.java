/** Real Kafka and PostgreSQL for tests: containers where Docker answers, in the JVM otherwise. */
@NullMarked
package io.missive.testkit.infra;

import org.jspecify.annotations.NullMarked;
