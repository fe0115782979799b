package io.missive.tracker.directory.kafka;

import io.missive.events.ParentRecord;
import io.missive.schemas.spring.MissiveKafkaAutoConfiguration;
import io.missive.schemas.spring.OutagePolicy;
import io.missive.schemas.topics.Topics;
import io.missive.tracker.directory.ParentContact;
import io.missive.tracker.directory.ParentContacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * Reads the parents of the compacted {@code missive.directory} topic (its own consumer group: the directory is read
 * from its beginning, whatever the projection's offsets). Only a parent's phone and supporter matter here; children,
 * groups, tags and the rest are skipped. The last record of a key in a batch wins; a tombstone deletes the parent.
 */
public class DirectoryListener {

    private static final Logger log = LoggerFactory.getLogger(DirectoryListener.class);
    private static final LogAccessor LOG_ACCESSOR = new LogAccessor(DirectoryListener.class);
    private static final String PARENT_KEY = "parent:";

    private final ParentContacts contacts;
    private final DeadLetterPublishingRecoverer deadLetters;
    private final OutagePolicy outages;

    public DirectoryListener(ParentContacts contacts, DeadLetterPublishingRecoverer deadLetters, OutagePolicy outages) {
        this.contacts = contacts;
        this.deadLetters = deadLetters;
        this.outages = outages;
    }

    @KafkaListener(id = "tracker-directory", idIsGroup = false, groupId = Topics.PREFIX + "status-tracker-directory",
            containerFactory = MissiveKafkaAutoConfiguration.BATCH_LISTENER_FACTORY,
            topics = Topics.PREFIX + Topics.DIRECTORY_NAME)
    public void onBatch(List<ConsumerRecord<String, @Nullable Object>> records) {
        var last = new LinkedHashMap<String, @Nullable ParentRecord>();
        for (var record : records) {
            var key = record.key();
            switch (record.value()) {
                case ParentRecord parent -> last.put(PARENT_KEY + parent.getId(), parent);
                case null -> {
                    var malformed = SerializationUtils.getExceptionFromHeader(record,
                            SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR);
                    if (malformed != null) {
                        log.warn("event=dead_letter topic={} partition={} offset={} cause={}",
                                record.topic(), record.partition(), record.offset(), malformed.getMessage());
                        deadLetters.accept(record, malformed);
                    } else if (key != null && key.startsWith(PARENT_KEY)) {
                        last.put(key, null);
                    }
                }
                default -> {
                    // a child, group, supporter, tag or redirection target: nothing the tracker ties replies to
                }
            }
        }
        if (last.isEmpty()) {
            return;
        }
        var changed = new ArrayList<ParentContact>();
        var deleted = new ArrayList<String>();
        last.forEach((key, parent) -> {
            if (parent == null) {
                deleted.add(key.substring(PARENT_KEY.length()));
            } else {
                changed.add(ParentContact.of(parent.getId(), parent.getPhone(), parent.getSupporterId()));
            }
        });
        outages.run("directory_batch parents=" + last.size(), () -> contacts.apply(changed, deleted));
        log.debug("event=directory_applied records={} parents={} deleted={}", records.size(), changed.size(), deleted.size());
    }
}
