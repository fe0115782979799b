@NullMarked
package io.missive.scheduler.publication.config;

import org.jspecify.annotations.NullMarked;
