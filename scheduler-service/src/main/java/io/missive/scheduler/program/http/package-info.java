@NullMarked
package io.missive.scheduler.program.http;

import org.jspecify.annotations.NullMarked;
