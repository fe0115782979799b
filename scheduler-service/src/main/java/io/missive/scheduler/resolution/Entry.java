package io.missive.scheduler.resolution;

import io.missive.scheduler.directory.Directory.Child;
import io.missive.scheduler.resolution.Resolution.Dropped;

/** One step of a command's expansion, in command order: what a page of recipients is read from. */
sealed interface Entry {

    record RawPhone(RecipientRequest request) implements Entry {
    }

    /** {@code asked}: named by {@code parent.N} (unknown is a drop), else found through a tag. */
    record ParentEntry(String parentId, boolean asked, RecipientRequest request) implements Entry {
    }

    record ChildEntry(String childId, RecipientRequest request) implements Entry {
    }

    record GroupMember(Child child, RecipientRequest request) implements Entry {
    }

    /** A selector dropped as a whole (unknown group or tag, group status of a group). */
    record SelectorDrop(Dropped dropped) implements Entry {
    }
}
