package io.missive.scheduler.program;

import java.util.List;

/** A stored campaign's messages read back by seq, a page at a time. */
@FunctionalInterface
public interface MessagePages {

    /** Up to {@code limit} messages after {@code afterSeq}, by seq; empty past the last one. */
    List<PlannedMessage> after(int afterSeq, int limit);
}
