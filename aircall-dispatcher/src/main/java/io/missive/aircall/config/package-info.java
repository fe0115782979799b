/** The aircall-dispatcher's typed settings and the wiring of its ports to their adapters. */
@NullMarked
package io.missive.aircall.config;

import org.jspecify.annotations.NullMarked;
