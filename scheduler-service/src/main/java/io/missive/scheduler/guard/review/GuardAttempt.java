package io.missive.scheduler.guard.review;

import io.missive.scheduler.guard.GuardCheck;
import io.missive.scheduler.guard.GuardScan.Tally;
import io.missive.scheduler.program.Origin;
import io.missive.scheduler.program.ProgramCommand;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the guard found in one command, with the whole command so a relaunch replays it exactly as first sent.
 *
 * @param checks   the checks that found something
 * @param blocking those of them in block mode (empty for a monitored hit)
 * @param overflow values found beyond those kept
 */
public record GuardAttempt(long id, String commandId, Origin.Channel channel, AttemptStatus status, Set<GuardCheck> checks,
                           Set<GuardCheck> blocking, List<Tally> findings, int overflow, ProgramCommand command,
                           @Nullable String author, Instant createdAt, @Nullable String decidedBy, @Nullable Instant decidedAt) {

    /** An attempt before it is stored. */
    public record New(String commandId, Origin.Channel channel, AttemptStatus status, Set<GuardCheck> checks,
                      Set<GuardCheck> blocking, List<Tally> findings, int overflow, ProgramCommand command,
                      @Nullable String author, Instant at) {
    }
}
