package io.missive.aircall.directory.kafka;

import io.missive.aircall.directory.CallerDirectory;
import io.missive.aircall.directory.DirectoryChanges;
import io.missive.events.ChildRecord;
import io.missive.events.ParentRecord;
import io.missive.schemas.phones.PhoneNumbers;
import io.missive.schemas.spring.CompactedBatches;
import io.missive.schemas.spring.MissiveKafkaAutoConfiguration;
import io.missive.schemas.topics.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * Keeps the caller directory from the compacted {@code missive.directory} topic, a batch at a time:
 * only parents and children matter here (the last record per key of a batch counts; a tombstone
 * deletes, its kind told by the key's {@code parent:} / {@code child:} prefix). The view is in the
 * database, shared by every replica, so one consumer group suffices.
 */
public class DirectoryListener {

    private static final Logger log = LoggerFactory.getLogger(DirectoryListener.class);

    private final CallerDirectory directory;

    public DirectoryListener(CallerDirectory directory) {
        this.directory = directory;
    }

    @KafkaListener(topics = Topics.PREFIX + Topics.DIRECTORY_NAME, groupId = Topics.PREFIX + "aircall-directory",
            containerFactory = MissiveKafkaAutoConfiguration.BATCH_LISTENER_FACTORY)
    public void onDirectory(List<ConsumerRecord<String, @Nullable Object>> records) {
        int undecodable = CompactedBatches.firstUndecodable(records);
        project(undecodable < 0 ? records : records.subList(0, undecodable));
        if (undecodable >= 0) {
            // The records before it are applied (the error handler commits them); this one goes to the dead letters.
            throw new BatchListenerFailedException("undecodable record at offset " + records.get(undecodable).offset(), undecodable);
        }
    }

    private void project(List<ConsumerRecord<String, @Nullable Object>> records) {
        var last = CompactedBatches.lastPerKey(records);
        var parents = new ArrayList<DirectoryChanges.Parent>();
        var children = new ArrayList<DirectoryChanges.Child>();
        var deletedParents = new ArrayList<String>();
        var deletedChildren = new ArrayList<String>();
        last.forEach((key, value) -> {
            switch (value) {
                case null -> {
                    if (key.startsWith("parent:")) {
                        deletedParents.add(key.substring("parent:".length()));
                    } else if (key.startsWith("child:")) {
                        deletedChildren.add(key.substring("child:".length()));
                    }
                }
                case ParentRecord parent -> parents.add(new DirectoryChanges.Parent(parent.getId(),
                        PhoneNumbers.toE164(parent.getPhone()).orElse(null), parent.getFirstName()));
                case ChildRecord child -> children.add(new DirectoryChanges.Child(child.getId(), child.getParentId(),
                        child.getFirstName()));
                default -> {
                    // groups, supporters, tags, redirections: not needed to describe a caller
                }
            }
        });
        var changes = new DirectoryChanges(parents, children, deletedParents, deletedChildren);
        if (changes.size() > 0) {
            directory.apply(changes);
        }
        log.debug("event=aircall.directory_projected records={} applied={}", records.size(), changes.size());
    }
}
