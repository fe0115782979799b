package io.missive.scheduler.resolution;

import io.missive.scheduler.directory.Directory.Child;
import io.missive.scheduler.directory.Directory.Parent;
import io.missive.scheduler.directory.DirectoryLookup;
import io.missive.scheduler.resolution.Entry.ChildEntry;
import io.missive.scheduler.resolution.Entry.GroupMember;
import io.missive.scheduler.resolution.Entry.ParentEntry;
import io.missive.scheduler.resolution.Entry.RawPhone;
import io.missive.scheduler.resolution.Entry.SelectorDrop;
import io.missive.scheduler.resolution.Resolution.Dropped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A page of entries read from the directory in bulk (one query per kind) and turned into candidates;
 * what a selector names but the directory does not hold (an unknown parent or child, a child without a
 * parent) is a selector drop.
 */
record Candidates(List<Candidate> candidates, List<Dropped> selectorDrops) {

    static Candidates read(DirectoryLookup directory, List<Entry> entries) {
        var childIds = new LinkedHashSet<String>();
        var parentIds = new LinkedHashSet<String>();
        for (var entry : entries) {
            switch (entry) {
                case ParentEntry p -> parentIds.add(p.parentId());
                case ChildEntry c -> childIds.add(c.childId());
                case GroupMember m -> PageContext.addIfPresent(parentIds, m.child().parentId());
                case RawPhone _, SelectorDrop _ -> { }
            }
        }
        var children = directory.children(childIds);
        children.values().forEach(child -> PageContext.addIfPresent(parentIds, child.parentId()));
        var parents = directory.parents(parentIds);

        var selectorDrops = new ArrayList<Dropped>();
        var candidates = new ArrayList<Candidate>(entries.size());
        for (var entry : entries) {
            switch (entry) {
                case RawPhone r -> candidates.add(Candidate.raw(r.request()));
                case ParentEntry p -> {
                    var parent = parents.get(p.parentId());
                    if (parent != null) {
                        candidates.add(new Candidate("parent." + p.parentId(), parent, null, p.request()));
                    } else if (p.asked()) {
                        selectorDrops.add(new Dropped("parent." + p.parentId(), DropReason.UNKNOWN_PARENT));
                    }
                }
                case ChildEntry c -> {
                    var child = children.get(c.childId());
                    if (child == null) {
                        selectorDrops.add(new Dropped("child." + c.childId(), DropReason.UNKNOWN_CHILD));
                    } else {
                        addChild(child, c.request(), parents, candidates, selectorDrops);
                    }
                }
                case GroupMember m -> addChild(m.child(), m.request(), parents, candidates, selectorDrops);
                case SelectorDrop d -> selectorDrops.add(d.dropped());
            }
        }
        return new Candidates(candidates, selectorDrops);
    }

    /** A message about a child goes to its parent: a child whose parent is not in the directory is an invalid pair. */
    private static void addChild(Child child, RecipientRequest request, Map<String, Parent> parents,
                                 List<Candidate> candidates, List<Dropped> dropped) {
        var parent = child.parentId() == null ? null : parents.get(child.parentId());
        if (parent == null) {
            dropped.add(new Dropped("child." + child.id(), DropReason.INVALID_PARENT_CHILD));
        } else {
            candidates.add(new Candidate("child." + child.id(), parent, child, request));
        }
    }
}
