package io.missive.tracker.query.jdbc;

import io.missive.events.Status;
import io.missive.schemas.Statuses;
import io.missive.tracker.query.CampaignListItem;
import io.missive.tracker.query.CampaignSummary;
import io.missive.tracker.query.ConversationEntry;
import io.missive.tracker.query.EventsStoreQueries;
import io.missive.tracker.query.InboundView;
import io.missive.tracker.query.InboxEntry;
import io.missive.tracker.query.MessageView;
import io.missive.tracker.query.OptOutView;
import io.missive.tracker.query.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

public class JdbcEventsStoreQueries implements EventsStoreQueries {

    private static final String MESSAGE_COLUMNS = """
            message_id, planned, campaign_id, parent_id, child_id, phone, message_provider, status, spot_hit_message_id,
            aircall_message_id, body, segments, link_code, quit_message, workshop_id, supporter_id, planned_at, sent_at,
            delivered_at, finished_at, reason, attempts, clicks, channel, fallback, read_at""";

    private final JdbcClient jdbc;

    public JdbcEventsStoreQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<MessageView> message(String messageId) {
        var history = jdbc.sql("""
                        select event_id, status, occurred_at, source, reason, anomaly from status_history
                        where message_id = ? order by occurred_at, event_id""")
                .param(messageId)
                .query((rows, i) -> new MessageView.HistoryEntry(rows.getString("event_id"), rows.getInt("status"),
                        Statuses.fromCode(rows.getInt("status")).name(), instant(rows, "occurred_at"),
                        rows.getString("source"), rows.getString("reason"), rows.getBoolean("anomaly")))
                .list();
        return jdbc.sql("select " + MESSAGE_COLUMNS + " from text_message_events where message_id = ?")
                .param(messageId)
                .query((rows, i) -> message(rows, history))
                .optional();
    }

    @Override
    public Optional<CampaignSummary> campaign(String campaignId) {
        var summary = summaries(List.of(campaignId)).get(campaignId);
        if (summary == null) {
            return Optional.empty();
        }
        // From the counters (by channel) and the set of waiting messages: never the campaign's messages.
        var byChannel = new LinkedHashMap<String, Long>();
        var fallback = new long[1];
        jdbc.sql("""
                        select channel, sum(messages) as n, coalesce(sum(messages) filter (where fallback), 0) as f
                        from campaign_counts where campaign_id = ? group by channel having sum(messages) <> 0 order by channel""")
                .param(campaignId)
                .query(rows -> {
                    byChannel.put(rows.getString("channel"), rows.getLong("n"));
                    fallback[0] += rows.getLong("f");
                });
        var waiting = jdbc.sql("""
                        select count(*) as n, min(t.next_attempt_at) as next
                        from waiting_messages w join text_message_events t on t.message_id = w.message_id
                        where t.campaign_id = ? and t.status = ? and t.next_attempt_at is not null""")
                .param(campaignId)
                .param(Statuses.code(Status.IN_PROGRESS))
                .query((rows, i) -> {
                    var next = rows.getTimestamp("next");
                    return new CampaignSummary.ProviderWait(rows.getLong("n"), next == null ? null : next.toInstant());
                })
                .single();
        return Optional.of(new CampaignSummary(campaignId, summary.total(), summary.byStatus(), summary.counts(),
                summary.delivered(), summary.read(), fallback[0], summary.readRate(), byChannel, waiting));
    }

    /** The list does not say which messages wait on a provider (that reads a campaign's messages): its page does. */
    private static final CampaignSummary.ProviderWait NO_WAIT = new CampaignSummary.ProviderWait(0, null);

    /** The campaigns' counters (maintained by the projection): a few rows per campaign, never its messages. */
    private Map<String, CampaignSummary> summaries(List<String> campaignIds) {
        var counts = new LinkedHashMap<String, List<CampaignSummary.Count>>();
        jdbc.sql("""
                        select campaign_id, provider, status, sum(messages) as messages from campaign_counts
                        where campaign_id = any(?) group by campaign_id, provider, status having sum(messages) <> 0
                        order by campaign_id, provider, status""")
                .param(campaignIds.toArray(String[]::new))
                .query((RowCallbackHandler) rows -> counts.computeIfAbsent(rows.getString("campaign_id"), id -> new ArrayList<>())
                        .add(new CampaignSummary.Count(rows.getString("provider"), rows.getInt("status"),
                                Statuses.fromCode(rows.getInt("status")).name(), rows.getLong("messages"))));
        var summaries = new LinkedHashMap<String, CampaignSummary>();
        counts.forEach((campaignId, campaignCounts) -> {
            var byStatus = new LinkedHashMap<String, Long>();
            for (var status : Status.values()) {
                byStatus.put(status.name(), 0L);
            }
            campaignCounts.forEach(count -> byStatus.merge(count.statusName(), count.messages(), Long::sum));
            long total = campaignCounts.stream().mapToLong(CampaignSummary.Count::messages).sum();
            long delivered = byStatus.get(Status.DELIVERED.name()) + byStatus.get(Status.READ.name());
            long read = byStatus.get(Status.READ.name());
            summaries.put(campaignId, new CampaignSummary(campaignId, total, byStatus, campaignCounts, delivered, read, 0,
                    delivered == 0 ? 0 : (double) read / delivered, Map.of(), NO_WAIT));
        });
        return summaries;
    }

    private record ListRow(String campaignId, Instant firstSeenAt, @Nullable Instant plannedAt, @Nullable String supporterId,
                           @Nullable String workshopId, @Nullable String purpose, boolean active) {
    }

    private static final String CAMPAIGNS = """
            from (select c.*, exists (select 1 from campaign_counts k where k.campaign_id = c.campaign_id
                                      and k.status not in (1, 4, 5, 6) and k.messages > 0) as active
                  from campaigns c where (cast(? as text) is null or c.supporter_id = ?)) x
            where (cast(? as text) is null or x.active = (cast(? as text) = 'ACTIVE'))""";

    @Override
    public Page<CampaignListItem> campaigns(@Nullable String state, @Nullable String supporterId, int page, int size) {
        var rows = jdbc.sql("select campaign_id, first_seen_at, planned_at, supporter_id, workshop_id, purpose, active "
                        + CAMPAIGNS + " order by first_seen_at desc, campaign_id limit ? offset ?")
                .params(supporterId, supporterId, state, state, size, (long) page * size)
                .query((r, i) -> new ListRow(r.getString("campaign_id"), instant(r, "first_seen_at"),
                        nullableInstant(r, "planned_at"), r.getString("supporter_id"), r.getString("workshop_id"),
                        r.getString("purpose"), r.getBoolean("active")))
                .list();
        var summaries = summaries(rows.stream().map(ListRow::campaignId).toList());
        var items = rows.stream().map(r -> new CampaignListItem(r.campaignId(), r.firstSeenAt(), r.plannedAt(), r.supporterId(),
                r.workshopId(), r.purpose(), r.active() ? CampaignListItem.ACTIVE : CampaignListItem.FINISHED,
                summaries.getOrDefault(r.campaignId(), new CampaignSummary(r.campaignId(), 0, Map.of(), List.of(), 0, 0, 0, 0, Map.of(), NO_WAIT)))).toList();
        long total = jdbc.sql("select count(*) " + CAMPAIGNS).params(supporterId, supporterId, state, state)
                .query(Long.class).single();
        return new Page<>(items, page, size, total);
    }

    @Override
    public Page<ConversationEntry> conversation(String parentId, int page, int size) {
        // Three kinds of entries in one order: the union is sorted and paged by PostgreSQL.
        var items = jdbc.sql("""
                        select kind, direction, at, provider, id, body, status_code, call_status, reason, campaign_id,
                               supporter_id, duration_seconds from (
                            select 'MESSAGE' as kind, 'outbound' as direction, coalesce(sent_at, planned_at) as at,
                                   message_provider as provider, message_id as id, body, status as status_code,
                                   null::text as call_status, reason, campaign_id, supporter_id, null::int as duration_seconds
                            from text_message_events where parent_id = :parent
                            union all
                            select i.kind, 'inbound', i.received_at, i.provider, i.event_id, i.body, null, null, null, null,
                                   p.supporter_id, null
                            from inbound_parents p join inbound_messages i on i.event_id = p.event_id where p.parent_id = :parent
                            union all
                            select 'CALL', max(c.direction), min(c.occurred_at), 'aircall', c.call_id, null, null,
                                   (array_agg(c.status order by c.occurred_at desc) filter (where c.status is not null))[1],
                                   null, null, null, max(c.duration_seconds)
                            from call_parents p join aircall_calls c on c.call_id = p.call_id where p.parent_id = :parent
                            group by c.call_id
                        ) conversation
                        order by at nulls last, id limit :size offset :offset""")
                .param("parent", parentId).param("size", size).param("offset", (long) page * size)
                .query((rows, i) -> new ConversationEntry(rows.getString("kind"), rows.getString("direction"),
                        nullableInstant(rows, "at"), rows.getString("provider"), rows.getString("id"), rows.getString("body"),
                        rows.getObject("status_code") != null ? Statuses.fromCode(rows.getInt("status_code")).name()
                                : rows.getString("call_status"),
                        rows.getString("reason"), rows.getString("campaign_id"), rows.getString("supporter_id"),
                        (Integer) rows.getObject("duration_seconds")))
                .list();
        long total = jdbc.sql("""
                        select (select count(*) from text_message_events where parent_id = :parent)
                             + (select count(*) from inbound_parents where parent_id = :parent)
                             + (select count(*) from call_parents where parent_id = :parent)""")
                .param("parent", parentId).query(Long.class).single();
        return new Page<>(items, page, size, total);
    }

    @Override
    public Page<InboundView> inbound(@Nullable String kind, int page, int size) {
        var items = jdbc.sql("""
                        select event_id, provider, phone, body, kind, provider_message_id, received_at,
                               array(select p.parent_id from inbound_parents p where p.event_id = i.event_id order by 1) as parent_ids
                        from inbound_messages i
                        where (cast(? as text) is null or kind = ?)
                        order by received_at desc, event_id limit ? offset ?""")
                .params(kind, kind, size, (long) page * size)
                .query((rows, i) -> new InboundView(rows.getString("event_id"), rows.getString("provider"),
                        rows.getString("phone"), rows.getString("body"), rows.getString("kind"),
                        rows.getString("provider_message_id"), instant(rows, "received_at"), texts(rows, "parent_ids")))
                .list();
        long total = jdbc.sql("select count(*) from inbound_messages where (cast(? as text) is null or kind = ?)")
                .params(kind, kind).query(Long.class).single();
        return new Page<>(items, page, size, total);
    }

    @Override
    public Page<InboxEntry> supporterInbound(String supporterId, boolean unreadOnly, int page, int size) {
        var items = jdbc.sql("""
                        select i.event_id, i.kind, i.provider, i.phone, i.body, i.received_at, r.read_at,
                               array_agg(p.parent_id order by p.parent_id) as parent_ids
                        from inbound_parents p join inbound_messages i on i.event_id = p.event_id
                        left join inbound_reads r on r.supporter_id = p.supporter_id and r.event_id = p.event_id
                        where p.supporter_id = :supporter and (not :unread or r.read_at is null)
                        group by i.event_id, r.read_at
                        order by (r.read_at is null) desc, i.received_at desc, i.event_id limit :size offset :offset""")
                .param("supporter", supporterId).param("unread", unreadOnly)
                .param("size", size).param("offset", (long) page * size)
                .query((rows, i) -> new InboxEntry(rows.getString("event_id"), rows.getString("kind"), rows.getString("provider"),
                        rows.getString("phone"), rows.getString("body"), instant(rows, "received_at"),
                        texts(rows, "parent_ids"), nullableInstant(rows, "read_at"), supporterId))
                .list();
        long total = jdbc.sql("""
                        select count(distinct p.event_id) from inbound_parents p
                        left join inbound_reads r on r.supporter_id = p.supporter_id and r.event_id = p.event_id
                        where p.supporter_id = :supporter and (not :unread or r.read_at is null)""")
                .param("supporter", supporterId).param("unread", unreadOnly).query(Long.class).single();
        return new Page<>(items, page, size, total);
    }

    @Override
    public Page<InboxEntry> inboundBySupporter(@Nullable String kind, int page, int size) {
        var items = jdbc.sql("""
                        select p.supporter_id, i.event_id, i.kind, i.provider, i.phone, i.body, i.received_at, r.read_at,
                               coalesce(array_agg(p.parent_id order by p.parent_id) filter (where p.parent_id is not null),
                                        '{}') as parent_ids
                        from inbound_messages i
                        left join inbound_parents p on p.event_id = i.event_id
                        left join inbound_reads r on r.supporter_id = p.supporter_id and r.event_id = i.event_id
                        where (cast(:kind as text) is null or i.kind = :kind)
                        group by p.supporter_id, i.event_id, r.read_at
                        order by p.supporter_id nulls last, (r.read_at is null) desc, i.received_at desc, i.event_id
                        limit :size offset :offset""")
                .param("kind", kind).param("size", size).param("offset", (long) page * size)
                .query((rows, i) -> new InboxEntry(rows.getString("event_id"), rows.getString("kind"), rows.getString("provider"),
                        rows.getString("phone"), rows.getString("body"), instant(rows, "received_at"),
                        texts(rows, "parent_ids"), nullableInstant(rows, "read_at"), rows.getString("supporter_id")))
                .list();
        long total = jdbc.sql("""
                        select count(*) from (select distinct p.supporter_id, i.event_id from inbound_messages i
                                              left join inbound_parents p on p.event_id = i.event_id
                                              where (cast(:kind as text) is null or i.kind = :kind)) grouped""")
                .param("kind", kind).query(Long.class).single();
        return new Page<>(items, page, size, total);
    }

    @Override
    public boolean markRead(String supporterId, String eventId, Instant at) {
        boolean inInbox = jdbc.sql("select exists (select 1 from inbound_parents where supporter_id = ? and event_id = ?)")
                .params(supporterId, eventId).query(Boolean.class).single();
        if (inInbox) {
            jdbc.sql("insert into inbound_reads (supporter_id, event_id, read_at) values (?, ?, ?) on conflict do nothing")
                    .params(supporterId, eventId, OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).update();
        }
        return inInbox;
    }

    @Override
    public Optional<OptOutView> optOut(String phone) {
        var history = jdbc.sql("""
                        select event_id, active, provider, reason, author, occurred_at from opt_out_history
                        where phone = ? order by occurred_at, event_id""")
                .param(phone)
                .query((rows, i) -> new OptOutView.Entry(rows.getString("event_id"), rows.getBoolean("active"),
                        rows.getString("provider"), rows.getString("reason"), rows.getString("author"), instant(rows, "occurred_at")))
                .list();
        return jdbc.sql("select active from opt_outs where phone = ?").param(phone).query(Boolean.class).optional()
                .map(active -> new OptOutView(phone, active, history));
    }

    private static MessageView message(ResultSet rows, List<MessageView.HistoryEntry> history) throws SQLException {
        int status = rows.getInt("status");
        return new MessageView(rows.getString("message_id"), rows.getBoolean("planned"), rows.getString("campaign_id"),
                rows.getString("parent_id"), rows.getString("child_id"), rows.getString("phone"),
                rows.getString("message_provider"), status, Statuses.fromCode(status).name(),
                rows.getString("spot_hit_message_id"), rows.getString("aircall_message_id"), rows.getString("body"),
                (Integer) rows.getObject("segments"), rows.getString("link_code"), rows.getBoolean("quit_message"),
                rows.getString("workshop_id"), rows.getString("supporter_id"), nullableInstant(rows, "planned_at"),
                nullableInstant(rows, "sent_at"), nullableInstant(rows, "delivered_at"),
                nullableInstant(rows, "finished_at"), rows.getString("reason"), (Integer) rows.getObject("attempts"),
                rows.getInt("clicks"), rows.getString("channel"), rows.getBoolean("fallback"),
                nullableInstant(rows, "read_at"), history);
    }

    private static List<String> texts(ResultSet rows, String column) throws SQLException {
        var array = rows.getArray(column);
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        return rows.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rows, String column) throws SQLException {
        var value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
