package io.missive.schemas.audit;

/**
 * Where a service records its audited acts ({@code missive.audit}, read by the status-tracker). {@link #record}
 * returns once the broker holds the entry, so a caller that records before its act takes effect never has an act
 * without its entry (decision 0021); it throws {@link AuditUnavailableException} otherwise, and the act must not
 * happen.
 */
@FunctionalInterface
public interface AuditTrail {

    void record(AuditAct act);
}
