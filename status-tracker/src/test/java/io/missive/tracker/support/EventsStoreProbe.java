package io.missive.tracker.support;

import io.missive.schemas.topics.Topics;
import io.missive.testkit.TestNamespace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.awaitility.Awaitility;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the tracker's tables directly, and tells when its consumer group has read everything. */
public final class EventsStoreProbe {

    /** Every table of the Events store, with an ordering that makes a dump comparable. */
    public static final Map<String, String> TABLES = Map.ofEntries(
            Map.entry("text_message_events", "message_id"),
            Map.entry("status_history", "message_id, event_id"),
            Map.entry("provider_receipts", "event_id"),
            Map.entry("processed_events", "event_id"),
            Map.entry("aircall_messages", "aircall_id"),
            Map.entry("inbound_messages", "event_id"),
            Map.entry("opt_outs", "phone"),
            Map.entry("link_clicks", "event_id"),
            Map.entry("aircall_calls", "event_id"),
            Map.entry("directory_parents", "parent_id"),
            Map.entry("inbound_parents", "event_id, parent_id"),
            Map.entry("inbound_reads", "supporter_id, event_id"),
            Map.entry("call_parents", "call_id, parent_id"));

    private static final List<String> TOPICS = List.of(Topics.PLANNED_NAME, Topics.STATUS_NAME, Topics.INBOUND_NAME,
            Topics.OPTOUTS_NAME, Topics.LINKS_CLICKED_NAME, Topics.AIRCALL_MESSAGES_NAME, Topics.AIRCALL_CALLS_NAME);

    private final JdbcTemplate jdbc;
    private final TestNamespace namespace;

    public EventsStoreProbe(JdbcTemplate jdbc, TestNamespace namespace) {
        this.jdbc = jdbc;
        this.namespace = namespace;
    }

    /**
     * Columns that say when this tracker received a row (its own clock, not anything an event carries), left out of a
     * dump so two projections of the same events compare equal: a parked receipt's arrival time (decision 0504) and when an
     * event was first processed (kept for the dedupe table's retention, decision 0022).
     */
    private static final Map<String, String> ARRIVAL_TIMES = Map.of("provider_receipts", "received_at", "processed_events", "processed_at");

    /** Every row of every table, as text, in key order; without the arrival times of {@link #ARRIVAL_TIMES}. */
    public Map<String, List<String>> dump() {
        var dump = new TreeMap<String, List<String>>();
        TABLES.forEach((table, order) -> {
            var row = ARRIVAL_TIMES.containsKey(table) ? "(to_jsonb(t) - '" + ARRIVAL_TIMES.get(table) + "')::text" : "t::text";
            dump.put(table, jdbc.queryForList("select " + row + " from tracker." + table + " t order by " + order, String.class));
        });
        return dump;
    }

    public long count(String table) {
        Long count = jdbc.queryForObject("select count(*) from tracker." + table, Long.class);
        return count == null ? 0 : count;
    }

    /**
     * The events the store shows projected, for traffic whose receipts each name one message: a plan is its
     * message's planned row, a status report one row of the history, any other event its claimed key.
     */
    public long projectedEvents() {
        return count("text_message_events where planned") + count("status_history") + count("processed_events");
    }

    public void truncateAll() {
        jdbc.execute("truncate " + TABLES.keySet().stream().map(t -> "tracker." + t).collect(Collectors.joining(", "))
                + ", tracker.campaign_counts, tracker.campaigns, tracker.waiting_messages");
    }

    /**
     * The per-campaign counters the projection keeps, non-zero ones, as "campaign provider status channel
     * fallback count".
     */
    public List<String> campaignCounters() {
        return jdbc.queryForList("""
                select campaign_id || ' ' || provider || ' ' || status || ' ' || channel || ' ' || fallback || ' ' || messages
                from tracker.campaign_counts
                where messages <> 0 order by campaign_id, provider, status, channel, fallback""", String.class);
    }

    /** The same figures counted over every message: what the counters must always equal. */
    public List<String> campaignCountsOfMessages() {
        return jdbc.queryForList("""
                select campaign_id || ' ' || coalesce(message_provider, 'unknown') || ' ' || status || ' '
                       || coalesce(channel, 'unknown') || ' ' || fallback || ' ' || count(*)
                from tracker.text_message_events where campaign_id is not null
                group by campaign_id, coalesce(message_provider, 'unknown'), status, coalesce(channel, 'unknown'), fallback
                order by campaign_id, coalesce(message_provider, 'unknown'), status, coalesce(channel, 'unknown'), fallback""",
                String.class);
    }

    /** The messages the set of waiting messages holds that are really waiting, and those it should hold. */
    public List<String> waitingMessages() {
        return jdbc.queryForList("""
                select w.message_id from tracker.waiting_messages w join tracker.text_message_events t using (message_id)
                where t.status = 3 and t.next_attempt_at is not null order by 1""", String.class);
    }

    /** Every message IN_PROGRESS with a next attempt: what {@link #waitingMessages()} must equal. */
    public List<String> messagesWaiting() {
        return jdbc.queryForList("""
                select message_id from tracker.text_message_events where status = 3 and next_attempt_at is not null
                order by 1""", String.class);
    }

    public Map<String, Object> message(String messageId) {
        return jdbc.queryForMap("select * from tracker.text_message_events where message_id = ?", messageId);
    }

    /** Waits until the tracker's consumer group has committed the end of every topic it reads. */
    public void awaitCaughtUp(Duration timeout) {
        try (var admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, namespace.kafkaBootstrapServers()))) {
            await(timeout, "the tracker to read every topic to its end", () -> {
                try {
                    var group = namespace.topicPrefix() + "status-tracker";
                    var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                    var partitions = admin.describeTopics(TOPICS.stream().map(t -> namespace.topicPrefix() + t).toList())
                            .allTopicNames().get().values().stream()
                            .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                            .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
                    var ends = admin.listOffsets(partitions).all().get();
                    return ends.entrySet().stream().allMatch(end -> {
                        if (end.getValue().offset() == 0) {
                            return true;
                        }
                        var at = committed.get(end.getKey());
                        return at != null && at.offset() >= end.getValue().offset();
                    });
                } catch (Exception e) {
                    return false;
                }
            });
        }
    }

    public static void await(Duration timeout, String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(100)).until(condition::getAsBoolean);
    }
}
