package io.missive.schemas.topics;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who writes and who reads each catalog topic: the source of the Kafka ACLs (each service may write
 * only the topics it owns, read only those it consumes, and write the dead letters of what it reads).
 * Kept beside the catalog rather than in {@link Topic}, whose writer stays the documentation's one.
 */
public final class TopicUsers {

    /** The upstream systems' Kafka user: they write commands and the directory. */
    public static final String UPSTREAM = "upstream";

    /** The services that write the shared status stream (its catalog writer is "any"). */
    static final List<String> STATUS_WRITERS = List.of("scheduler-service", "spothit-dispatcher", "aircall-dispatcher", "webhook-gateway");

    /** The services that perform audited acts (program, guard, directory import; opt-in; people and API keys). */
    static final List<String> AUDIT_WRITERS = List.of("scheduler-service", "webhook-gateway", "console");

    /** Every service that holds personal data: each erases a parent on {@code ParentErased} and confirms it. */
    public static final List<String> PERSONAL_DATA_HOLDERS = List.of("scheduler-service", "spothit-dispatcher",
            "aircall-dispatcher", "webhook-gateway", "status-tracker");

    /**
     * Writers beside a topic's owner: the scheduler's {@code DELETE /api/v1/parents/{id}} is the front door of an
     * erasure, so it publishes the {@code ParentErased} command and the parent's directory tombstone (docs/decisions/0022).
     */
    private static final Map<String, List<String>> ALSO_WRITTEN_BY = Map.of(
            Topics.COMMANDS_NAME, List.of("scheduler-service"),
            Topics.DIRECTORY_NAME, List.of("scheduler-service"));

    private static final Map<String, List<String>> READERS = Map.ofEntries(
            Map.entry(Topics.COMMANDS_NAME, PERSONAL_DATA_HOLDERS),
            Map.entry(Topics.DIRECTORY_NAME, List.of("scheduler-service", "status-tracker", "aircall-dispatcher")),
            Map.entry(Topics.PLANNED_NAME, List.of("status-tracker", "webhook-gateway")),
            Map.entry(Topics.SPOTHIT_REQUESTED_NAME, List.of("spothit-dispatcher")),
            Map.entry(Topics.AIRCALL_REQUESTED_NAME, List.of("aircall-dispatcher")),
            Map.entry(Topics.STATUS_NAME, List.of("status-tracker")),
            Map.entry(Topics.INBOUND_NAME, List.of("status-tracker")),
            Map.entry(Topics.OPTOUTS_NAME, List.of("status-tracker", "scheduler-service")),
            Map.entry(Topics.LINKS_CLICKED_NAME, List.of("status-tracker")),
            Map.entry(Topics.AIRCALL_MESSAGES_NAME, List.of("status-tracker")),
            Map.entry(Topics.AIRCALL_CALLS_NAME, List.of("status-tracker", "aircall-dispatcher")),
            Map.entry(Topics.AUDIT_NAME, List.of("status-tracker")),
            Map.entry(Topics.ERASURES_NAME, List.of("status-tracker")));

    private TopicUsers() {
    }

    public static Set<String> writers(Topic topic) {
        var writers = new TreeSet<String>();
        if (topic.name().equals(Topics.ERASURES_NAME)) {
            writers.addAll(PERSONAL_DATA_HOLDERS);
        } else if (topic.name().equals(Topics.AUDIT_NAME)) {
            writers.addAll(AUDIT_WRITERS);
        } else if (topic.writer().equals("any")) {
            writers.addAll(STATUS_WRITERS);
        } else {
            writers.add(topic.writer());
        }
        writers.addAll(ALSO_WRITTEN_BY.getOrDefault(topic.name(), List.of()));
        return writers;
    }

    /** The services that consume the topic; a catalog topic nobody reads is a mistake this reports. */
    public static Set<String> readers(Topic topic) {
        var readers = READERS.get(topic.name());
        if (readers == null) {
            throw new IllegalStateException("no readers named for " + topic.name() + ": add them to TopicUsers");
        }
        return new TreeSet<>(readers);
    }

    /** Every Kafka user: the services and upstream. */
    public static Set<String> users() {
        var users = new TreeSet<String>();
        for (var topic : Topics.ALL) {
            users.addAll(writers(topic));
            users.addAll(readers(topic));
        }
        return new LinkedHashSet<>(users);
    }
}
