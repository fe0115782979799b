package io.missive.scheduler.directory;

import io.missive.scheduler.directory.Directory.Child;
import io.missive.scheduler.directory.Directory.Group;
import io.missive.scheduler.directory.Directory.Parent;
import io.missive.scheduler.directory.Directory.RedirectionTarget;
import io.missive.scheduler.directory.Directory.Supporter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What resolution reads from the directory projection: in bulk (one query per kind for a page of
 * recipients), and the expansion of a tag or a large group a slice at a time.
 */
public interface DirectoryLookup {

    Map<String, Parent> parents(Collection<String> ids);

    /** Up to {@code limit} ids of the parents with the tag, after {@code afterParentId}, in the directory's order of ids. */
    List<String> parentIdsWithTag(String tagId, @Nullable String afterParentId, int limit);

    Map<String, Child> children(Collection<String> ids);

    Map<String, List<Child>> childrenOfParents(Collection<String> parentIds);

    Map<String, List<Child>> childrenOfGroups(Collection<String> groupIds);

    /** How many children each of the groups has (groups without children are absent). */
    Map<String, Integer> childCountsOfGroups(Collection<String> groupIds);

    /** Up to {@code limit} children of the group after {@code afterChildId}, by id in code-point order. */
    List<Child> childrenOfGroup(String groupId, @Nullable String afterChildId, int limit);

    Map<String, Group> groups(Collection<String> ids);

    Map<String, Supporter> supporters(Collection<String> ids);

    Optional<RedirectionTarget> redirectionTarget(String id);

    /** Whether some parent has a value for this per-parent variable (so a template may use it). */
    boolean declared(String variable);

    /** Every declared per-parent variable, by name, with how many parents have a value for it. */
    Map<String, Long> declaredVariables();

    /** The given E.164 phones that opted out. */
    Set<String> optedOut(Collection<String> phones);
}
