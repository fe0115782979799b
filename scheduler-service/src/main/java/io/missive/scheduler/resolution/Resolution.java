package io.missive.scheduler.resolution;

import io.missive.scheduler.rendering.Variable;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The outcome of resolution: recipients to render, in command order, and every dropped one with its reason. */
public record Resolution(List<Recipient> recipients, List<Dropped> dropped) {

    /**
     * One message's addressee. {@code key} identifies it within the command ({@code parent:42},
     * {@code phone:+33612345678}) and, with the command id, gives the message id.
     */
    public record Recipient(String key, @Nullable String parentId, @Nullable String childId, String phone,
                            @Nullable String supporterId, Map<Variable, String> values) {
    }

    /** {@code recipient} names what was asked for: {@code parent.42}, {@code child.7}, or the raw phone as given. */
    public record Dropped(String recipient, DropReason reason) {
    }
}
