package io.missive.scheduler.resolution;

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

/** What resolution reads from the directory projection, always in bulk (one query per kind). */
public interface DirectoryLookup {

    Map<String, Parent> parents(Collection<String> ids);

    /** Parent ids by tag id, for the tags that have parents. */
    Map<String, List<String>> parentIdsByTag(Collection<String> tagIds);

    Map<String, Child> children(Collection<String> ids);

    Map<String, List<Child>> childrenOfParents(Collection<String> parentIds);

    Map<String, List<Child>> childrenOfGroups(Collection<String> groupIds);

    Map<String, Group> groups(Collection<String> ids);

    Map<String, Supporter> supporters(Collection<String> ids);

    Optional<RedirectionTarget> redirectionTarget(String id);

    /** The given E.164 phones that opted out. */
    Set<String> optedOut(Collection<String> phones);
}
