package io.missive.schemas.spring;

import java.net.ConnectException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.apache.kafka.common.errors.RetriableException;
import org.jspecify.annotations.Nullable;

/**
 * Whether a listener's failure is the infrastructure being briefly away (the database restarting, the
 * broker electing a leader), which waiting cures, rather than a record that will never be processed.
 */
public final class TransientFailures {

    /** Spring's names for "the database is not there right now" (spring-jdbc is not a dependency of schemas). */
    private static final Set<String> TRANSIENT_SPRING_FAILURES = Set.of(
            "org.springframework.dao.TransientDataAccessResourceException",
            "org.springframework.jdbc.CannotGetJdbcConnectionException",
            "org.springframework.transaction.CannotCreateTransactionException",
            "org.springframework.dao.QueryTimeoutException",
            "org.springframework.dao.RecoverableDataAccessException");

    private TransientFailures() {
    }

    public static boolean isTransient(@Nullable Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RetriableException || cause instanceof SQLTransientException
                    || cause instanceof ConnectException || TRANSIENT_SPRING_FAILURES.contains(cause.getClass().getName())) {
                return true;
            }
        }
        return false;
    }
}
