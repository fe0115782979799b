package io.missive.spothit.dispatch;

import java.util.List;

/** Announces statuses, returning once they are durably published. */
public interface StatusPort {

    void publish(List<? extends StatusChange> changes);
}
