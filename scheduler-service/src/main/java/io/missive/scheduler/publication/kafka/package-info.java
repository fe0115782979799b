@NullMarked
package io.missive.scheduler.publication.kafka;

import org.jspecify.annotations.NullMarked;
