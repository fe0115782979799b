package io.missive.scheduler.resolution;

import io.missive.scheduler.directory.Directory.Child;
import io.missive.scheduler.directory.Directory.Group;
import io.missive.scheduler.directory.Directory.Parent;
import io.missive.scheduler.directory.Directory.Supporter;
import io.missive.scheduler.rendering.UnknownVariableException;
import io.missive.scheduler.rendering.Variable;
import io.missive.scheduler.resolution.Resolution.Dropped;
import io.missive.scheduler.resolution.Resolution.Recipient;
import io.missive.scheduler.resolution.Selector.ChildSelector;
import io.missive.scheduler.resolution.Selector.GroupSelector;
import io.missive.scheduler.resolution.Selector.ParentSelector;
import io.missive.scheduler.resolution.Selector.TagSelector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Expands selectors into one recipient per parent (a message goes to a parent's phone), applies the
 * supporter and group-status filters, and drops — with a reason, never silently — invalid pairs,
 * bad or duplicate phones and opted-out phones. Reads the directory in bulk: one query per kind.
 */
public final class RecipientResolver {

    private final DirectoryLookup directory;

    public RecipientResolver(DirectoryLookup directory) {
        this.directory = directory;
    }

    public Resolution resolve(List<RecipientRequest> requests, @Nullable String supporterFilter, Set<String> groupStatuses,
                              @Nullable Supporter commandSupporter) {
        var selectors = new ArrayList<@Nullable Selector>();
        var parentIds = new LinkedHashSet<String>();
        var childIds = new LinkedHashSet<String>();
        var groupIds = new LinkedHashSet<String>();
        var tagIds = new LinkedHashSet<String>();
        for (var request : requests) {
            if (request.selector() == null) {
                selectors.add(null);
                continue;
            }
            var selector = Selector.parse(request.selector());
            selectors.add(selector);
            switch (selector) {
                case ParentSelector p -> parentIds.add(p.id());
                case ChildSelector c -> childIds.add(c.id());
                case GroupSelector g -> groupIds.add(g.id());
                case TagSelector t -> tagIds.add(t.id());
            }
        }
        var children = new HashMap<>(directory.children(childIds));
        var groupChildren = directory.childrenOfGroups(groupIds);
        groupChildren.values().forEach(list -> list.forEach(child -> children.put(child.id(), child)));
        var parentsByTag = directory.parentIdsByTag(tagIds);
        parentsByTag.values().forEach(parentIds::addAll);
        children.values().forEach(child -> {
            if (child.parentId() != null) {
                parentIds.add(child.parentId());
            }
        });
        var parents = directory.parents(parentIds);
        var childrenOfParents = directory.childrenOfParents(parents.keySet());
        var allGroupIds = new HashSet<>(groupIds);
        children.values().forEach(child -> addIfPresent(allGroupIds, child.groupId()));
        childrenOfParents.values().forEach(list -> list.forEach(child -> addIfPresent(allGroupIds, child.groupId())));
        var groups = directory.groups(allGroupIds);
        var supporterIds = new HashSet<String>();
        parents.values().forEach(parent -> addIfPresent(supporterIds, parent.supporterId()));
        var supporters = directory.supporters(supporterIds);

        var candidates = new ArrayList<Candidate>();
        var dropped = new ArrayList<Dropped>();
        for (int i = 0; i < requests.size(); i++) {
            var request = requests.get(i);
            var selector = selectors.get(i);
            switch (selector) {
                case null -> candidates.add(Candidate.raw(request));
                case ParentSelector p -> {
                    var parent = parents.get(p.id());
                    if (parent == null) {
                        dropped.add(new Dropped(p.toString(), DropReason.UNKNOWN_PARENT));
                    } else {
                        candidates.add(new Candidate(p.toString(), parent, null, request));
                    }
                }
                case ChildSelector c -> {
                    var child = children.get(c.id());
                    if (child == null) {
                        dropped.add(new Dropped(c.toString(), DropReason.UNKNOWN_CHILD));
                    } else {
                        addChild(child, request, parents, candidates, dropped);
                    }
                }
                case GroupSelector g -> {
                    var members = groupChildren.getOrDefault(g.id(), List.of());
                    if (members.isEmpty() && !groups.containsKey(g.id())) {
                        dropped.add(new Dropped(g.toString(), DropReason.UNKNOWN_GROUP));
                    } else if (!allowed(groupStatuses, groups.get(g.id()))) {
                        dropped.add(new Dropped(g.toString(), DropReason.GROUP_STATUS));
                    } else {
                        members.stream().sorted(Comparator.comparing(Child::id))
                                .forEach(child -> addChild(child, request, parents, candidates, dropped));
                    }
                }
                case TagSelector t -> {
                    var tagged = parentsByTag.getOrDefault(t.id(), List.of());
                    if (tagged.isEmpty()) {
                        dropped.add(new Dropped(t.toString(), DropReason.UNKNOWN_TAG));
                    }
                    for (var parentId : tagged) {
                        var parent = parents.get(parentId);
                        if (parent != null) {
                            candidates.add(new Candidate("parent." + parentId, parent, null, request));
                        }
                    }
                }
            }
        }

        // Filters on the directory, then phone checks; opt-outs are looked up for all phones at once.
        var phoned = new ArrayList<Recipient>();
        var labels = new ArrayList<String>();
        var seenKeys = new HashSet<String>();
        var seenPhones = new HashSet<String>();
        for (var candidate : candidates) {
            var parent = candidate.parent();
            Child child = candidate.child();
            if (parent != null) {
                if (supporterFilter != null && !supporterFilter.equals(parent.supporterId())) {
                    dropped.add(new Dropped(candidate.label(), DropReason.NOT_FOLLOWED_BY_SUPPORTER));
                    continue;
                }
                if (child != null) {
                    if (!allowed(groupStatuses, child.groupId() == null ? null : groups.get(child.groupId()))) {
                        dropped.add(new Dropped(candidate.label(), DropReason.GROUP_STATUS));
                        continue;
                    }
                } else {
                    var own = childrenOfParents.getOrDefault(parent.id(), List.of());
                    var eligible = own.stream()
                            .filter(c -> allowed(groupStatuses, c.groupId() == null ? null : groups.get(c.groupId())))
                            .min(Comparator.comparing(Child::id));
                    if (!own.isEmpty() && eligible.isEmpty()) {
                        dropped.add(new Dropped(candidate.label(), DropReason.GROUP_STATUS));
                        continue;
                    }
                    child = eligible.orElse(null);
                }
            }
            var rawPhone = parent != null ? parent.phone() : candidate.request().phone();
            var phone = PhoneNumbers.normalise(rawPhone);
            if (phone.isEmpty()) {
                dropped.add(new Dropped(candidate.label(), DropReason.INVALID_PHONE));
                continue;
            }
            var key = parent != null ? "parent:" + parent.id() : "phone:" + phone.get();
            if (!seenKeys.add(key)) {
                dropped.add(new Dropped(candidate.label(), DropReason.DUPLICATE_RECIPIENT));
                continue;
            }
            if (!seenPhones.add(phone.get())) {
                dropped.add(new Dropped(candidate.label(), DropReason.DUPLICATE_PHONE));
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
        var optedOut = directory.optedOut(phoned.stream().map(Recipient::phone).toList());
        var recipients = new ArrayList<Recipient>(phoned.size());
        for (int i = 0; i < phoned.size(); i++) {
            if (optedOut.contains(phoned.get(i).phone())) {
                dropped.add(new Dropped(labels.get(i), DropReason.OPTED_OUT));
            } else {
                recipients.add(phoned.get(i));
            }
        }
        return new Resolution(recipients, dropped);
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

    private static Map<Variable, String> directoryValues(Parent parent, @Nullable Child child, @Nullable Supporter supporter) {
        var values = new EnumMap<Variable, String>(Variable.class);
        putIfPresent(values, Variable.PRENOM_ENFANT, child == null ? null : child.firstName());
        putIfPresent(values, Variable.PARENT_SECURITY_TOKEN, parent.securityToken());
        putIfPresent(values, Variable.PARENT_ADDRESS, parent.address());
        if (supporter != null) {
            putIfPresent(values, Variable.PRENOM_ACCOMPAGNANTE, supporter.firstName());
            putIfPresent(values, Variable.NUMERO_AIRCALL_ACCOMPAGNANTE, supporter.aircallNumber());
        }
        return values;
    }

    private static Map<Variable, String> explicitValues(RecipientRequest request) {
        var values = new EnumMap<Variable, String>(Variable.class);
        request.variables().forEach((name, value) ->
                values.put(Variable.named(name).orElseThrow(() -> new UnknownVariableException(name)), value));
        return values;
    }

    private static void putIfPresent(Map<Variable, String> values, Variable variable, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            values.put(variable, value);
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
            return new Candidate(java.util.Objects.requireNonNull(request.phone()), null, null, request);
        }
    }
}
