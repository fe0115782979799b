package io.missive.scheduler.resolution;

import io.missive.scheduler.directory.Directory.Child;
import io.missive.scheduler.directory.Directory.Group;
import io.missive.scheduler.directory.DirectoryLookup;
import io.missive.scheduler.resolution.Entry.ChildEntry;
import io.missive.scheduler.resolution.Entry.GroupMember;
import io.missive.scheduler.resolution.Entry.ParentEntry;
import io.missive.scheduler.resolution.Entry.RawPhone;
import io.missive.scheduler.resolution.Entry.SelectorDrop;
import io.missive.scheduler.resolution.Resolution.Dropped;
import io.missive.scheduler.resolution.Selector.ChildSelector;
import io.missive.scheduler.resolution.Selector.GroupSelector;
import io.missive.scheduler.resolution.Selector.ParentSelector;
import io.missive.scheduler.resolution.Selector.TagSelector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Walks a command's requests in order and yields at most {@code pageSize} entries at a time: a tag's
 * parents and a large group's children a slice at a time (keyset paging), the children of a run of small
 * groups read together (one query for many {@code group.N}).
 */
final class SelectorExpansion {

    private final DirectoryLookup directory;
    private final int pageSize;
    private final List<Requested> requests;
    private final Map<String, Group> selectedGroups;
    private final Map<String, Integer> childCounts;
    private final GroupStatusRule groupStatus;
    private int nextRequest;
    private @Nullable Members members;
    private Map<String, List<Child>> prefetched = Map.of();

    SelectorExpansion(DirectoryLookup directory, int pageSize, List<Requested> requests, GroupStatusRule groupStatus) {
        this.directory = directory;
        this.pageSize = pageSize;
        this.requests = requests;
        this.groupStatus = groupStatus;
        var groupIds = new LinkedHashSet<String>();
        for (var requested : requests) {
            if (requested.selector() instanceof GroupSelector group) {
                groupIds.add(group.id());
            }
        }
        this.selectedGroups = directory.groups(groupIds);
        this.childCounts = directory.childCountsOfGroups(groupIds);
    }

    /** The next page of entries; empty once the command is expanded. */
    List<Entry> next() {
        var entries = new ArrayList<Entry>(Math.min(pageSize, 1024));
        while (entries.size() < pageSize) {
            if (members != null) {
                if (members.drainInto(entries)) {
                    members = null;
                }
                continue;
            }
            if (nextRequest >= requests.size()) {
                break;
            }
            var requested = requests.get(nextRequest++);
            var request = requested.request();
            switch (requested.selector()) {
                case null -> entries.add(new RawPhone(request));
                case ParentSelector p -> entries.add(new ParentEntry(p.id(), true, request));
                case ChildSelector c -> entries.add(new ChildEntry(c.id(), request));
                case GroupSelector g -> group(g, request, entries);
                case TagSelector t -> members = new TaggedParents(t, request);
            }
        }
        return entries;
    }

    private void group(GroupSelector selector, RecipientRequest request, List<Entry> entries) {
        var group = selectedGroups.get(selector.id());
        int count = childCounts.getOrDefault(selector.id(), 0);
        if (group == null && count == 0) {
            entries.add(new SelectorDrop(new Dropped(selector.toString(), DropReason.UNKNOWN_GROUP)));
        } else if (!groupStatus.allows(group)) {
            entries.add(new SelectorDrop(new Dropped(selector.toString(), DropReason.GROUP_STATUS)));
        } else if (count > pageSize) {
            members = new LargeGroup(selector.id(), request);
        } else {
            members = new SmallGroup(smallGroupMembers(selector.id()), request);
        }
    }

    /** The group's children by id; read with those of the next small groups of the command, up to a page of children. */
    private List<Child> smallGroupMembers(String groupId) {
        if (!prefetched.containsKey(groupId)) {
            var window = new LinkedHashSet<String>();
            int total = 0;
            int from = nextRequest - 1;
            for (int i = from; i < requests.size() && i < from + pageSize; i++) {
                if (!(requests.get(i).selector() instanceof GroupSelector other) || window.contains(other.id())) {
                    continue;
                }
                int count = childCounts.getOrDefault(other.id(), 0);
                if (count > pageSize || !groupStatus.allows(selectedGroups.get(other.id()))) {
                    continue;
                }
                if (!window.isEmpty() && total + count > pageSize) {
                    break;
                }
                window.add(other.id());
                total += count;
            }
            var loaded = directory.childrenOfGroups(window);
            prefetched = new HashMap<>();
            for (var id : window) {
                var children = new ArrayList<>(loaded.getOrDefault(id, List.of()));
                children.sort(Comparator.comparing(Child::id));
                prefetched.put(id, children);
            }
        }
        return prefetched.get(groupId);
    }

    /** The entries a tag or a group expands to, handed out as the page has room. */
    private sealed interface Members permits TaggedParents, SmallGroup, LargeGroup {
        /** Adds entries until the page is full; true once every one was added. */
        boolean drainInto(List<Entry> entries);
    }

    private final class SmallGroup implements Members {
        private final List<Child> children;
        private final RecipientRequest request;
        private int index;

        SmallGroup(List<Child> children, RecipientRequest request) {
            this.children = children;
            this.request = request;
        }

        @Override
        public boolean drainInto(List<Entry> entries) {
            while (index < children.size() && entries.size() < pageSize) {
                entries.add(new GroupMember(children.get(index++), request));
            }
            return index == children.size();
        }
    }

    /** A group of more than a page of children: read a page at a time, by id. */
    private final class LargeGroup implements Members {
        private final Keyset<Child> children;
        private final RecipientRequest request;

        LargeGroup(String groupId, RecipientRequest request) {
            this.children = new Keyset<>((last, limit) -> directory.childrenOfGroup(groupId, last == null ? null : last.id(), limit),
                    pageSize);
            this.request = request;
        }

        @Override
        public boolean drainInto(List<Entry> entries) {
            while (entries.size() < pageSize) {
                var child = children.next();
                if (child == null) {
                    return true;
                }
                entries.add(new GroupMember(child, request));
            }
            return children.exhausted();
        }
    }

    /** A tag's parents, a page at a time, in the directory's order of ids. */
    private final class TaggedParents implements Members {
        private final TagSelector tag;
        private final Keyset<String> parentIds;
        private final RecipientRequest request;

        TaggedParents(TagSelector tag, RecipientRequest request) {
            this.tag = tag;
            this.parentIds = new Keyset<>((last, limit) -> directory.parentIdsWithTag(tag.id(), last, limit), pageSize);
            this.request = request;
        }

        @Override
        public boolean drainInto(List<Entry> entries) {
            while (entries.size() < pageSize) {
                var parentId = parentIds.next();
                if (parentId == null) {
                    if (!parentIds.anyRead()) {
                        entries.add(new SelectorDrop(new Dropped(tag.toString(), DropReason.UNKNOWN_TAG)));
                    }
                    return true;
                }
                entries.add(new ParentEntry(parentId, false, request));
            }
            return parentIds.exhausted();
        }
    }
}
