package io.missive.scheduler.resolution;

import io.missive.scheduler.directory.Directory.Child;
import io.missive.scheduler.directory.Directory.Group;
import io.missive.scheduler.directory.Directory.Parent;
import io.missive.scheduler.directory.Directory.Supporter;
import io.missive.scheduler.rendering.UnknownVariableException;
import io.missive.scheduler.rendering.Variable;
import io.missive.scheduler.resolution.Resolution.Dropped;
import io.missive.scheduler.resolution.Resolution.Page;
import io.missive.scheduler.resolution.Resolution.Pages;
import io.missive.scheduler.resolution.Resolution.Recipient;
import io.missive.scheduler.resolution.Selector.ChildSelector;
import io.missive.scheduler.resolution.Selector.GroupSelector;
import io.missive.scheduler.resolution.Selector.ParentSelector;
import io.missive.scheduler.resolution.Selector.TagSelector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * Expands selectors into one recipient per parent (a message goes to a parent's phone), applies the
 * supporter and group-status filters, and drops — with a reason, never silently — invalid pairs,
 * bad or duplicate phones and opted-out phones.
 *
 * <p>Works a page at a time: the selectors are expanded in command order ({@code tag.N} and large
 * {@code group.N} a slice at a time), and each page of at most {@code pageSize} entries is read from the
 * directory in bulk (one query per kind), filtered and handed over before the next is read. Only the keys
 * and phones already seen are kept across pages, compactly, so de-duplication stays exact for the whole
 * command; a page's outcome does not depend on where the page boundaries fall.
 */
public final class RecipientResolver {

    private final DirectoryLookup directory;
    private final int pageSize;
    /** Per-parent variable names found declared, so a raw phone's values ask the directory once a name. */
    private final Set<String> declaredNames = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public RecipientResolver(DirectoryLookup directory, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be positive, got " + pageSize);
        }
        this.directory = directory;
        this.pageSize = pageSize;
    }

    /** The whole resolution in memory: for small commands and tests. */
    public Resolution resolve(List<RecipientRequest> requests, @Nullable String supporterFilter, Set<String> groupStatuses,
                              @Nullable Supporter commandSupporter) {
        var collector = Resolution.collect();
        resolve(requests, supporterFilter, groupStatuses, commandSupporter, collector);
        return collector.resolution();
    }

    /** Hands the resolution to {@code pages} page by page, in command order. */
    public void resolve(List<RecipientRequest> requests, @Nullable String supporterFilter, Set<String> groupStatuses,
                        @Nullable Supporter commandSupporter, Pages pages) {
        // Every selector is checked before anything is read, so a malformed one rejects the command at once.
        var groupIds = new LinkedHashSet<String>();
        for (var request : requests) {
            if (request.selector() != null && Selector.parse(request.selector()) instanceof GroupSelector group) {
                groupIds.add(group.id());
            }
        }
        var expansion = new Expansion(requests, directory.groups(groupIds), directory.childCountsOfGroups(groupIds), groupStatuses);
        var filters = new Filters(supporterFilter, groupStatuses, commandSupporter);
        for (var entries = expansion.next(); !entries.isEmpty(); entries = expansion.next()) {
            pages.accept(filters.page(entries));
        }
    }

    /** One step of a command's expansion, in command order. */
    private sealed interface Entry {
    }

    private record RawPhone(RecipientRequest request) implements Entry {
    }

    /** {@code asked}: named by {@code parent.N} (unknown is a drop), else found through a tag. */
    private record ParentEntry(String parentId, boolean asked, RecipientRequest request) implements Entry {
    }

    private record ChildEntry(String childId, RecipientRequest request) implements Entry {
    }

    private record GroupMember(Child child, RecipientRequest request) implements Entry {
    }

    private record SelectorDrop(Dropped dropped) implements Entry {
    }

    /** Walks the requests in order and yields at most {@code pageSize} entries at a time. */
    private final class Expansion {

        private final List<RecipientRequest> requests;
        private final Map<String, Group> selectedGroups;
        private final Map<String, Integer> childCounts;
        private final Set<String> groupStatuses;
        private int nextRequest;
        private @Nullable Members members;
        /** Children of a run of small groups, read together (one query for many {@code group.N}). */
        private Map<String, List<Child>> prefetched = Map.of();

        Expansion(List<RecipientRequest> requests, Map<String, Group> selectedGroups, Map<String, Integer> childCounts,
                  Set<String> groupStatuses) {
            this.requests = requests;
            this.selectedGroups = selectedGroups;
            this.childCounts = childCounts;
            this.groupStatuses = groupStatuses;
        }

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
                var request = requests.get(nextRequest++);
                if (request.selector() == null) {
                    entries.add(new RawPhone(request));
                    continue;
                }
                switch (Selector.parse(request.selector())) {
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
            } else if (!allowed(groupStatuses, group)) {
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
                    var selector = requests.get(i).selector();
                    if (selector == null || !(Selector.parse(selector) instanceof GroupSelector other) || window.contains(other.id())) {
                        continue;
                    }
                    int count = childCounts.getOrDefault(other.id(), 0);
                    if (count > pageSize || !allowed(groupStatuses, selectedGroups.get(other.id()))) {
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

    /** Rows read a slice at a time after the last row read (keyset paging), handed out one by one. */
    private static final class Keyset<T> {
        private final BiFunction<@Nullable T, Integer, List<T>> read;
        private final int sliceSize;
        private List<T> slice = List.of();
        private int index;
        private boolean more = true;
        private boolean anyRead;

        /** @param read the rows after the given one (or the first rows, given null), at most the given number */
        Keyset(BiFunction<@Nullable T, Integer, List<T>> read, int sliceSize) {
            this.read = read;
            this.sliceSize = sliceSize;
        }

        /** The next row, or null once there is none left. */
        @Nullable T next() {
            if (index == slice.size()) {
                if (!more) {
                    return null;
                }
                slice = read.apply(slice.isEmpty() ? null : slice.getLast(), sliceSize);
                index = 0;
                more = slice.size() == sliceSize;
                if (slice.isEmpty()) {
                    return null;
                }
                anyRead = true;
            }
            return slice.get(index++);
        }

        boolean exhausted() {
            return index == slice.size() && !more;
        }

        boolean anyRead() {
            return anyRead;
        }
    }

    /** Reads what a page needs from the directory and applies the rules; remembers keys and phones across pages. */
    private final class Filters {

        private final @Nullable String supporterFilter;
        private final Set<String> groupStatuses;
        private final @Nullable Supporter commandSupporter;
        private final SeenKeys seenKeys = new SeenKeys();
        private final SeenPhones seenPhones = new SeenPhones();

        Filters(@Nullable String supporterFilter, Set<String> groupStatuses, @Nullable Supporter commandSupporter) {
            this.supporterFilter = supporterFilter;
            this.groupStatuses = groupStatuses;
            this.commandSupporter = commandSupporter;
        }

        Page page(List<Entry> entries) {
            var childIds = new LinkedHashSet<String>();
            var parentIds = new LinkedHashSet<String>();
            for (var entry : entries) {
                switch (entry) {
                    case ParentEntry p -> parentIds.add(p.parentId());
                    case ChildEntry c -> childIds.add(c.childId());
                    case GroupMember m -> addIfPresent(parentIds, m.child().parentId());
                    case RawPhone _, SelectorDrop _ -> { }
                }
            }
            var children = directory.children(childIds);
            children.values().forEach(child -> addIfPresent(parentIds, child.parentId()));
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
            var groups = directory.groups(groupIds);
            var supporters = directory.supporters(supporterIds);

            var filterDrops = new ArrayList<Dropped>();
            var phoned = new ArrayList<Recipient>(candidates.size());
            var labels = new ArrayList<String>(candidates.size());
            for (var candidate : candidates) {
                var parent = candidate.parent();
                Child child = candidate.child();
                if (parent != null) {
                    if (supporterFilter != null && !supporterFilter.equals(parent.supporterId())) {
                        filterDrops.add(new Dropped(candidate.label(), DropReason.NOT_FOLLOWED_BY_SUPPORTER));
                        continue;
                    }
                    if (child != null) {
                        if (!allowed(groupStatuses, child.groupId() == null ? null : groups.get(child.groupId()))) {
                            filterDrops.add(new Dropped(candidate.label(), DropReason.GROUP_STATUS));
                            continue;
                        }
                    } else {
                        var own = childrenOfParents.getOrDefault(parent.id(), List.of());
                        var eligible = own.stream()
                                .filter(c -> allowed(groupStatuses, c.groupId() == null ? null : groups.get(c.groupId())))
                                .min(Comparator.comparing(Child::id));
                        if (!own.isEmpty() && eligible.isEmpty()) {
                            filterDrops.add(new Dropped(candidate.label(), DropReason.GROUP_STATUS));
                            continue;
                        }
                        child = eligible.orElse(null);
                    }
                }
                var rawPhone = parent != null ? parent.phone() : candidate.request().phone();
                var phone = PhoneNumbers.normalise(rawPhone);
                if (phone.isEmpty()) {
                    filterDrops.add(new Dropped(candidate.label(), DropReason.INVALID_PHONE));
                    continue;
                }
                var key = parent != null ? "parent:" + parent.id() : "phone:" + phone.get();
                if (!seenKeys.add(key)) {
                    filterDrops.add(new Dropped(candidate.label(), DropReason.DUPLICATE_RECIPIENT));
                    continue;
                }
                if (!seenPhones.add(phone.get())) {
                    filterDrops.add(new Dropped(candidate.label(), DropReason.DUPLICATE_PHONE));
                    continue;
                }
                if (parent != null) {
                    var supporter = parent.supporterId() != null ? supporters.get(parent.supporterId()) : commandSupporter;
                    phoned.add(new Recipient(key, parent.id(), child == null ? null : child.id(), phone.get(),
                            supporter == null ? null : supporter.id(), directoryValues(parent, child, supporter)));
                } else {
                    phoned.add(new Recipient(key, null, null, phone.get(),
                            commandSupporter == null ? null : commandSupporter.id(), explicitValues(candidate.request())));
                }
                labels.add(candidate.label());
            }

            // A phone keeps its place in the de-duplication even when it turns out to be opted out.
            var optedOut = directory.optedOut(phoned.stream().map(Recipient::phone).toList());
            var optedOutDrops = new ArrayList<Dropped>();
            var recipients = new ArrayList<Recipient>(phoned.size());
            for (int i = 0; i < phoned.size(); i++) {
                if (optedOut.contains(phoned.get(i).phone())) {
                    optedOutDrops.add(new Dropped(labels.get(i), DropReason.OPTED_OUT));
                } else {
                    recipients.add(phoned.get(i));
                }
            }
            return new Page(recipients, selectorDrops, filterDrops, optedOutDrops);
        }
    }

    private static void addChild(Child child, RecipientRequest request, Map<String, Parent> parents,
                                 List<Candidate> candidates, List<Dropped> dropped) {
        var parent = child.parentId() == null ? null : parents.get(child.parentId());
        if (parent == null) {
            dropped.add(new Dropped("child." + child.id(), DropReason.INVALID_PARENT_CHILD));
        } else {
            candidates.add(new Candidate("child." + child.id(), parent, child, request));
        }
    }

    private static Map<String, String> directoryValues(Parent parent, @Nullable Child child, @Nullable Supporter supporter) {
        // Per-parent values first: a built-in name is refused in them, so nothing here is overwritten.
        var values = new HashMap<String, String>(parent.variables());
        putIfPresent(values, Variable.PRENOM_ENFANT, child == null ? null : child.firstName());
        putIfPresent(values, Variable.PARENT_SECURITY_TOKEN, parent.securityToken());
        putIfPresent(values, Variable.PARENT_ADDRESS, parent.address());
        if (supporter != null) {
            putIfPresent(values, Variable.PRENOM_ACCOMPAGNANTE, supporter.firstName());
            putIfPresent(values, Variable.NUMERO_AIRCALL_ACCOMPAGNANTE, supporter.aircallNumber());
        }
        return values;
    }

    /** A raw phone's own values: built-in names, or names some parent of the directory declares. */
    private Map<String, String> explicitValues(RecipientRequest request) {
        var values = new HashMap<String, String>();
        request.variables().forEach((name, value) -> {
            var builtIn = Variable.named(name);
            if (builtIn.isPresent()) {
                values.put(builtIn.get().name(), value);
            } else if (declaredNames.contains(name) || directory.declared(name)) {
                declaredNames.add(name);
                values.put(name, value);
            } else {
                throw new UnknownVariableException(name);
            }
        });
        return values;
    }

    private static void putIfPresent(Map<String, String> values, Variable variable, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            values.put(variable.name(), value);
        }
    }

    private static void addIfPresent(Set<String> set, @Nullable String value) {
        if (value != null) {
            set.add(value);
        }
    }

    private static boolean allowed(Set<String> groupStatuses, @Nullable Group group) {
        return group != null && groupStatuses.contains(group.status());
    }

    private record Candidate(String label, @Nullable Parent parent, @Nullable Child child, RecipientRequest request) {
        static Candidate raw(RecipientRequest request) {
            return new Candidate(Objects.requireNonNull(request.phone()), null, null, request);
        }
    }
}
