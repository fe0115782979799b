@NullMarked
package io.missive.scheduler.directory.jdbc;

import org.jspecify.annotations.NullMarked;
