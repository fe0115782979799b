package io.missive.scheduler.resolution;

import io.missive.scheduler.directory.Directory.Child;
import io.missive.scheduler.directory.Directory.Group;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Only children in a group whose status the command accepts ({@code groupStatus}) are messaged about
 * ({@code GROUP_STATUS}); a child without a group, or in an unknown one, is not.
 */
record GroupStatusRule(Set<String> groupStatuses) {

    boolean allows(@Nullable Group group) {
        return group != null && groupStatuses.contains(group.status());
    }

    /**
     * A parent asked for without a child is messaged about its first child (by id) in an accepted group;
     * a parent with children, none of them in an accepted group, is refused. A parent without children passes.
     */
    ParentVerdict forParent(List<Child> children, PageContext context) {
        var eligible = children.stream().filter(child -> allows(context.groupOf(child))).min(Comparator.comparing(Child::id));
        if (!children.isEmpty() && eligible.isEmpty()) {
            return new ParentVerdict.Refused();
        }
        return new ParentVerdict.About(eligible.orElse(null));
    }

    sealed interface ParentVerdict {
        record About(@Nullable Child child) implements ParentVerdict {
        }

        record Refused() implements ParentVerdict {
        }
    }
}
