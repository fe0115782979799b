package io.missive.scheduler.resolution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of resolution: recipients to render, in command order, and every dropped one with its reason.
 * Resolution hands it over page by page ({@link Page}); {@link #collect()} puts the pages back together.
 */
public record Resolution(List<Recipient> recipients, List<Dropped> dropped) {

    /**
     * One message's addressee. {@code key} identifies it within the command ({@code parent:42},
     * {@code phone:+33612345678}) and, with the command id, gives the message id. {@code values} are by variable
     * name, built-in ({@code PRENOM_ENFANT}) and per-parent ({@code CALL0_CALENDLY_LINK}) alike.
     */
    public record Recipient(String key, @Nullable String parentId, @Nullable String childId, String phone,
                            @Nullable String supporterId, Map<String, String> values) {
    }

    /** {@code recipient} names what was asked for: {@code parent.42}, {@code child.7}, or the raw phone as given. */
    public record Dropped(String recipient, DropReason reason) {
    }

    /**
     * A slice of the command, in command order. A command's drops are reported in three runs — every
     * {@code selectorDrops} (unknown ids, group status of a group, invalid pairs), then every
     * {@code filterDrops} (supporter, group status, phone, duplicates), then every {@code optedOut} — each
     * run in command order; a page carries its share of each.
     */
    public record Page(List<Recipient> recipients, List<Dropped> selectorDrops, List<Dropped> filterDrops,
                       List<Dropped> optedOut) {
    }

    /** Where resolution hands its pages, in command order. */
    @FunctionalInterface
    public interface Pages {
        void accept(Page page);
    }

    /** Gathers every page into one {@link Resolution}, in the order the drops are reported. */
    public static Collector collect() {
        return new Collector();
    }

    public static final class Collector implements Pages {
        private final List<Recipient> recipients = new ArrayList<>();
        private final List<Dropped> selectorDrops = new ArrayList<>();
        private final List<Dropped> filterDrops = new ArrayList<>();
        private final List<Dropped> optedOut = new ArrayList<>();

        @Override
        public void accept(Page page) {
            recipients.addAll(page.recipients());
            selectorDrops.addAll(page.selectorDrops());
            filterDrops.addAll(page.filterDrops());
            optedOut.addAll(page.optedOut());
        }

        public Resolution resolution() {
            var dropped = new ArrayList<Dropped>(selectorDrops);
            dropped.addAll(filterDrops);
            dropped.addAll(optedOut);
            return new Resolution(List.copyOf(recipients), List.copyOf(dropped));
        }
    }
}
