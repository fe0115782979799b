/** The local stack behind ./missive up, demo and faults: Kafka, PostgreSQL, the simulators and every service, each in its own process. */
@NullMarked
package io.missive.devstack;

import org.jspecify.annotations.NullMarked;
