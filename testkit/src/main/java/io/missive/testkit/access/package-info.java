/** Access tokens for tests and the devstack: a key pair, and JWTs signed with it as the console signs them. */
@NullMarked
package io.missive.testkit.access;

import org.jspecify.annotations.NullMarked;
