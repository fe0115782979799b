/** Which channel a SpotHit message takes (SMS, MMS, RCS basic, RCS rich): the one rule, shared by planner and dispatcher. */
@org.jspecify.annotations.NullMarked
package io.missive.schemas.channels;
