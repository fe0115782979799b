package io.missive.schemas.audit;

/** The audit trail could not take an entry: the act it was for must not take effect (a REST caller gets a 503). */
public class AuditUnavailableException extends RuntimeException {

    public AuditUnavailableException(String act, Throwable cause) {
        super("the audit trail did not take the entry for " + act + "; the act was not performed", cause);
    }
}
