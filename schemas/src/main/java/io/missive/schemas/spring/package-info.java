/** The one Kafka configuration every service gets: producers, batch listeners, dead letters, waiting out outages. */
@NullMarked
package io.missive.schemas.spring;

import org.jspecify.annotations.NullMarked;
