package io.missive.scheduler.directory.kafka;

import io.missive.events.ChildRecord;
import io.missive.events.GroupRecord;
import io.missive.events.OptOut;
import io.missive.events.ParentRecord;
import io.missive.events.RedirectionTargetRecord;
import io.missive.events.SupporterRecord;
import io.missive.events.TagRecord;
import io.missive.schemas.phones.PhoneHash;
import io.missive.schemas.phones.PhoneNumbers;
import io.missive.schemas.topics.Topics;
import io.missive.scheduler.directory.Directory;
import io.missive.scheduler.directory.DirectoryStore;
import io.missive.scheduler.rendering.VariableRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import io.missive.schemas.spring.CompactedBatches;
import io.missive.schemas.spring.MissiveKafkaAutoConfiguration;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * Projects the compacted {@code missive.directory} and {@code missive.optouts} topics into the
 * service's schema, a batch at a time (only the last record per key of a batch counts; a tombstone deletes).
 * The projection is shared by every instance through the database, so one consumer group per topic suffices.
 */
public class DirectoryListener {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryListener.class);

    private final DirectoryStore store;

    public DirectoryListener(DirectoryStore store) {
        this.store = store;
    }

    @KafkaListener(topics = Topics.PREFIX + Topics.DIRECTORY_NAME, groupId = Topics.PREFIX + "scheduler-directory",
            containerFactory = MissiveKafkaAutoConfiguration.BATCH_LISTENER_FACTORY)
    public void onDirectory(List<ConsumerRecord<String, @Nullable Object>> records) {
        int undecodable = CompactedBatches.firstUndecodable(records);
        int invalid = firstInvalid(undecodable < 0 ? records : records.subList(0, undecodable));
        int rejected = invalid >= 0 ? invalid : undecodable;
        projectDirectory(rejected < 0 ? records : records.subList(0, rejected));
        rejectAt(records, rejected);
    }

    /**
     * A parent whose variables break a rule (name, count, length) is not projected: it goes to the DLT with the
     * rule in its headers, like an undecodable record, rather than being stored truncated or silently dropped.
     */
    private static int firstInvalid(List<ConsumerRecord<String, @Nullable Object>> records) {
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).value() instanceof ParentRecord parent) {
                var violations = VariableRules.check("variables", parent.getVariables());
                if (!violations.isEmpty()) {
                    LOG.warn("event=directory_record_rejected key={} offset={} violations={}", records.get(i).key(),
                            records.get(i).offset(), violations);
                    return i;
                }
            }
        }
        return -1;
    }

    private void projectDirectory(List<ConsumerRecord<String, @Nullable Object>> records) {
        var last = CompactedBatches.lastPerKey(records);
        var parents = new ArrayList<Directory.Parent>();
        var children = new ArrayList<Directory.Child>();
        var groups = new ArrayList<Directory.Group>();
        var supporters = new ArrayList<Directory.Supporter>();
        var tags = new ArrayList<Directory.Tag>();
        var targets = new ArrayList<Directory.RedirectionTarget>();
        var deleted = new ArrayList<String>();
        last.forEach((key, value) -> {
            switch (value) {
                case null -> deleted.add(key);
                case ParentRecord p -> parents.add(new Directory.Parent(p.getId(), p.getPhone(), p.getFirstName(),
                        p.getSecurityToken(), p.getAddress(), p.getTagIds(), p.getSupporterId(), p.getVariables()));
                case ChildRecord c -> children.add(new Directory.Child(c.getId(), c.getFirstName(), c.getParentId(), c.getGroupId()));
                case GroupRecord g -> groups.add(new Directory.Group(g.getId(), g.getName(), g.getStatus()));
                case SupporterRecord s -> supporters.add(new Directory.Supporter(s.getId(), s.getFirstName(),
                        s.getAircallNumber(), s.getAircallNumberId()));
                case TagRecord t -> tags.add(new Directory.Tag(t.getId(), t.getName()));
                case RedirectionTargetRecord r -> targets.add(new Directory.RedirectionTarget(r.getId(), r.getUrl(), r.getName()));
                default -> LOG.warn("event=directory_record_ignored key={} type={}", key, value.getClass().getSimpleName());
            }
        });
        var changes = new Directory.Changes(parents, children, groups, supporters, tags, targets, deleted);
        store.apply(changes);
        LOG.debug("event=directory_projected records={} applied={}", records.size(), changes.size());
    }

    @KafkaListener(topics = Topics.PREFIX + Topics.OPTOUTS_NAME, groupId = Topics.PREFIX + "scheduler-optouts",
            containerFactory = MissiveKafkaAutoConfiguration.BATCH_LISTENER_FACTORY)
    public void onOptOuts(List<ConsumerRecord<String, @Nullable Object>> records) {
        int undecodable = CompactedBatches.firstUndecodable(records);
        projectOptOuts(undecodable < 0 ? records : records.subList(0, undecodable));
        rejectAt(records, undecodable);
    }

    private void projectOptOuts(List<ConsumerRecord<String, @Nullable Object>> records) {
        var last = new LinkedHashMap<String, Boolean>();
        for (var record : records) {
            var phone = record.value() instanceof OptOut optOut ? optOut.getPhone() : record.key();
            if (phone != null) {
                // A tombstone or an opt-in (active=false) opts the phone back in.
                boolean active = record.value() instanceof OptOut optOut && optOut.getActive();
                if (PhoneHash.isHash(phone)) {
                    // An erased parent's STOP, kept as the phone's hash (docs/decisions/0022).
                    last.put(phone, active);
                } else {
                    PhoneNumbers.toE164(phone).ifPresent(e164 -> last.put(e164, active));
                }
            }
        }
        store.optOut(last.entrySet().stream().filter(e -> e.getValue()).map(e -> e.getKey()).toList());
        store.optIn(last.entrySet().stream().filter(e -> !e.getValue()).map(e -> e.getKey()).toList());
        LOG.debug("event=optouts_projected records={}", records.size());
    }

    private static void rejectAt(List<ConsumerRecord<String, @Nullable Object>> records, int index) {
        if (index >= 0) {
            throw new BatchListenerFailedException("undecodable or invalid record at offset " + records.get(index).offset(), index);
        }
    }
}
