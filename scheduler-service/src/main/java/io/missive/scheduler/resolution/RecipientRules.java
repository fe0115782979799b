package io.missive.scheduler.resolution;

import io.missive.scheduler.directory.Directory.Supporter;
import io.missive.scheduler.directory.DirectoryLookup;
import io.missive.scheduler.resolution.GroupStatusRule.ParentVerdict;
import io.missive.scheduler.resolution.Resolution.Dropped;
import io.missive.scheduler.resolution.Resolution.Page;
import io.missive.scheduler.resolution.Resolution.Recipient;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Applies the recipient rules to a page of entries, in this order: supporter, group status, phone
 * validity, duplicate recipient, duplicate phone, then opt-out for the page at once. The duplicate rules
 * remember what they saw across pages, so a page's outcome does not depend on where its boundaries fall.
 */
final class RecipientRules {

    private final DirectoryLookup directory;
    private final SupporterRule supporter;
    private final GroupStatusRule groupStatus;
    private final @Nullable Supporter commandSupporter;
    private final DuplicateRecipientRule duplicateRecipients = new DuplicateRecipientRule();
    private final DuplicatePhoneRule duplicatePhones = new DuplicatePhoneRule();
    private final OptOutRule optOut;

    RecipientRules(DirectoryLookup directory, SupporterRule supporter, GroupStatusRule groupStatus,
                   @Nullable Supporter commandSupporter) {
        this.directory = directory;
        this.supporter = supporter;
        this.groupStatus = groupStatus;
        this.commandSupporter = commandSupporter;
        this.optOut = new OptOutRule(directory);
    }

    Page page(List<Entry> entries) {
        var read = Candidates.read(directory, entries);
        var context = PageContext.read(directory, read.candidates());
        var filterDrops = new ArrayList<Dropped>();
        var phoned = new ArrayList<Recipient>(read.candidates().size());
        var labels = new ArrayList<String>(read.candidates().size());
        for (var candidate : read.candidates()) {
            switch (apply(candidate, context)) {
                case Kept kept -> {
                    phoned.add(kept.recipient());
                    labels.add(candidate.label());
                }
                case Drop drop -> filterDrops.add(new Dropped(candidate.label(), drop.reason()));
            }
        }
        var outcome = optOut.apply(phoned, labels);
        return new Page(outcome.kept(), read.selectorDrops(), filterDrops, outcome.dropped());
    }

    private Verdict apply(Candidate candidate, PageContext context) {
        var parent = candidate.parent();
        var child = candidate.child();
        if (parent != null) {
            if (!supporter.follows(parent)) {
                return new Drop(DropReason.NOT_FOLLOWED_BY_SUPPORTER);
            }
            if (child != null) {
                if (!groupStatus.allows(context.groupOf(child))) {
                    return new Drop(DropReason.GROUP_STATUS);
                }
            } else {
                switch (groupStatus.forParent(context.childrenOfParents().getOrDefault(parent.id(), List.of()), context)) {
                    case ParentVerdict.Refused _ -> {
                        return new Drop(DropReason.GROUP_STATUS);
                    }
                    case ParentVerdict.About about -> child = about.child();
                }
            }
        }
        var phone = parent != null ? PhoneValidityRule.ofParent(parent) : PhoneValidityRule.e164(candidate.request().phone());
        if (phone.isEmpty()) {
            return new Drop(DropReason.INVALID_PHONE);
        }
        var key = parent != null ? "parent:" + parent.id() : "phone:" + phone.get();
        if (!duplicateRecipients.firstTime(key)) {
            return new Drop(DropReason.DUPLICATE_RECIPIENT);
        }
        if (!duplicatePhones.firstTime(phone.get())) {
            return new Drop(DropReason.DUPLICATE_PHONE);
        }
        if (parent == null) {
            return new Kept(new Recipient(key, null, null, phone.get(),
                    commandSupporter == null ? null : commandSupporter.id(), RecipientValues.explicit(candidate.request(), this::declared)));
        }
        var followedBy = parent.supporterId() != null ? context.supporters().get(parent.supporterId()) : commandSupporter;
        return new Kept(new Recipient(key, parent.id(), child == null ? null : child.id(), phone.get(),
                followedBy == null ? null : followedBy.id(), RecipientValues.fromDirectory(parent, child, followedBy)));
    }

    private sealed interface Verdict permits Kept, Drop {
    }

    private record Kept(Recipient recipient) implements Verdict {
    }

    private record Drop(DropReason reason) implements Verdict {
    }

    /** Per-parent variable names found declared, so a raw phone's values ask the directory once a name per command. */
    private final java.util.Set<String> declaredNames = new java.util.HashSet<>();

    private boolean declared(String name) {
        if (declaredNames.contains(name)) {
            return true;
        }
        boolean declared = directory.declared(name);
        if (declared) {
            declaredNames.add(name);
        }
        return declared;
    }
}
