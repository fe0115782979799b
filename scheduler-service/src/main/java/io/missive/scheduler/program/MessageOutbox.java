package io.missive.scheduler.program;

import java.util.List;

/**
 * Where the scheduler's events go. Each call returns once the broker acknowledged every event,
 * so callers move a durable marker only after that.
 */
public interface MessageOutbox {

    /** {@code MessagePlanned} per message: its PENDING status and the tracker's source for its row. */
    void planned(Campaign campaign, List<PlannedMessage> messages);

    /** {@code StatusUpdated(FAILED)} with the reason, per message. */
    void failed(Campaign campaign, List<PlannedMessage> messages, String reason);

    /** {@code MessageRequested} to the campaign's provider topic. */
    void requested(Campaign campaign, List<PlannedMessage> messages);
}
