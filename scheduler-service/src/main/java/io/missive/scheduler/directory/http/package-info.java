@NullMarked
package io.missive.scheduler.directory.http;

import org.jspecify.annotations.NullMarked;
