package io.missive.tracker.audit;

import io.missive.tracker.query.Page;
import java.util.List;

/** The tracker's audit log: appended to from the topic (an entry seen twice is kept once), read by query. */
public interface AuditLog {

    /** @return how many entries were new */
    int append(List<AuditEntry> entries);

    Page<AuditEntry> find(AuditQuery query);
}
