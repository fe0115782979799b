package io.missive.scheduler.resolution;

import io.missive.scheduler.directory.Directory.Supporter;
import io.missive.scheduler.directory.DirectoryLookup;
import io.missive.scheduler.resolution.Resolution.Pages;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Expands selectors into one recipient per parent (a message goes to a parent's phone), applies the
 * supporter and group-status filters, and drops — with a reason, never silently — invalid pairs,
 * bad or duplicate phones and opted-out phones.
 *
 * <p>Works a page at a time: the selectors are expanded in command order ({@link SelectorExpansion}:
 * {@code tag.N} and large {@code group.N} a slice at a time), and each page of at most {@code pageSize}
 * entries is read from the directory in bulk (one query per kind), filtered ({@link RecipientRules}) and
 * handed over before the next is read. Only the keys and phones already seen are kept across pages,
 * compactly, so de-duplication stays exact for the whole command; a page's outcome does not depend on
 * where the page boundaries fall.
 */
public final class RecipientResolver {

    private final DirectoryLookup directory;
    private final int pageSize;

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
        // Every selector is parsed before anything is read, so a malformed one rejects the command at once.
        var requested = Requested.parseAll(requests);
        var groupStatus = new GroupStatusRule(groupStatuses);
        var expansion = new SelectorExpansion(directory, pageSize, requested, groupStatus);
        var rules = new RecipientRules(directory, new SupporterRule(supporterFilter), groupStatus, commandSupporter);
        for (var entries = expansion.next(); !entries.isEmpty(); entries = expansion.next()) {
            pages.accept(rules.page(entries));
        }
    }
}
