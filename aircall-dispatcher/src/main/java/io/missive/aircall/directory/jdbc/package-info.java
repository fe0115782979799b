/** The caller directory in PostgreSQL (aircall.directory_parent, aircall.directory_child). */
@NullMarked
package io.missive.aircall.directory.jdbc;

import org.jspecify.annotations.NullMarked;
