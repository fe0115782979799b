/** The audit trail over Kafka: {@code AuditRecorded} on {@code missive.audit}, acknowledged before the act goes on. */
@NullMarked
package io.missive.schemas.audit.kafka;

import org.jspecify.annotations.NullMarked;
