/** The listener that feeds the audit log from missive.audit. */
@NullMarked
package io.missive.tracker.audit.kafka;

import org.jspecify.annotations.NullMarked;
