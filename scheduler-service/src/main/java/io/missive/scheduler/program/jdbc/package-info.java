@NullMarked
package io.missive.scheduler.program.jdbc;

import org.jspecify.annotations.NullMarked;
