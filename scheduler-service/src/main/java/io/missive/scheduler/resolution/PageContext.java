package io.missive.scheduler.resolution;

import io.missive.scheduler.directory.Directory.Child;
import io.missive.scheduler.directory.Directory.Group;
import io.missive.scheduler.directory.Directory.Supporter;
import io.missive.scheduler.directory.DirectoryLookup;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What the rules need to know about a page's candidates, read in bulk: their parents' children, the groups, the supporters. */
record PageContext(Map<String, List<Child>> childrenOfParents, Map<String, Group> groups, Map<String, Supporter> supporters) {

    static PageContext read(DirectoryLookup directory, List<Candidate> candidates) {
        var withoutChild = new HashSet<String>();
        var groupIds = new HashSet<String>();
        var supporterIds = new HashSet<String>();
        for (var candidate : candidates) {
            var parent = candidate.parent();
            if (parent != null) {
                addIfPresent(supporterIds, parent.supporterId());
                if (candidate.child() == null) {
                    withoutChild.add(parent.id());
                } else {
                    addIfPresent(groupIds, candidate.child().groupId());
                }
            }
        }
        var childrenOfParents = directory.childrenOfParents(withoutChild);
        childrenOfParents.values().forEach(list -> list.forEach(child -> addIfPresent(groupIds, child.groupId())));
        return new PageContext(childrenOfParents, directory.groups(groupIds), directory.supporters(supporterIds));
    }

    @Nullable Group groupOf(Child child) {
        return child.groupId() == null ? null : groups.get(child.groupId());
    }

    static void addIfPresent(Set<String> set, @Nullable String value) {
        if (value != null) {
            set.add(value);
        }
    }
}
