package io.missive.scheduler.resolution;

import io.missive.scheduler.directory.DirectoryLookup;
import io.missive.scheduler.resolution.Resolution.Dropped;
import io.missive.scheduler.resolution.Resolution.Recipient;
import java.util.ArrayList;
import java.util.List;

/**
 * A phone that opted out gets no message ({@code OPTED_OUT}), checked for a page at once. It runs last,
 * so an opted-out phone still keeps its place in the de-duplication.
 */
record OptOutRule(DirectoryLookup directory) {

    /** @param labels each recipient's label, in the same order */
    Outcome apply(List<Recipient> recipients, List<String> labels) {
        var optedOut = directory.optedOut(recipients.stream().map(Recipient::phone).toList());
        var kept = new ArrayList<Recipient>(recipients.size());
        var dropped = new ArrayList<Dropped>();
        for (int i = 0; i < recipients.size(); i++) {
            if (optedOut.contains(recipients.get(i).phone())) {
                dropped.add(new Dropped(labels.get(i), DropReason.OPTED_OUT));
            } else {
                kept.add(recipients.get(i));
            }
        }
        return new Outcome(kept, dropped);
    }

    record Outcome(List<Recipient> kept, List<Dropped> dropped) {
    }
}
