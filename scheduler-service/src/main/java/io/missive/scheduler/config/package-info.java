@NullMarked
package io.missive.scheduler.config;

import org.jspecify.annotations.NullMarked;
