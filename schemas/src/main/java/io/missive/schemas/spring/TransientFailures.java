package io.missive.schemas.spring;

import java.net.ConnectException;
import java.sql.SQLTransientException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;
import org.jspecify.annotations.Nullable;

/**
 * Whether a listener's failure is the infrastructure being briefly away (the database restarting, the
 * broker electing a leader, a send not acknowledged in time), which waiting cures, rather than a record
 * that will never be processed.
 */
public final class TransientFailures {

    /**
     * Spring's names for "the database is not there right now", subclasses included (spring-jdbc is not a
     * dependency of schemas). A connection lost mid-query is a {@code DataAccessResourceFailureException}.
     */
    private static final Set<String> TRANSIENT_SPRING_FAILURES = Set.of(
            "org.springframework.dao.TransientDataAccessException",
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.transaction.CannotCreateTransactionException",
            "org.springframework.dao.RecoverableDataAccessException");

    private TransientFailures() {
    }

    public static boolean isTransient(@Nullable Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RetriableException || cause instanceof SQLTransientException
                    || cause instanceof ConnectException || cause instanceof TimeoutException || isSpringTransient(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSpringTransient(Throwable failure) {
        for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
            if (TRANSIENT_SPRING_FAILURES.contains(type.getName())) {
                return true;
            }
        }
        return false;
    }
}
