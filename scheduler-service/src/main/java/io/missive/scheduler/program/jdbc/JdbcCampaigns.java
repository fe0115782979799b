package io.missive.scheduler.program.jdbc;

import io.missive.schemas.erasure.Erasures;
import io.missive.scheduler.program.Campaign;
import io.missive.scheduler.program.CampaignQueue;
import io.missive.scheduler.program.CampaignStore;
import io.missive.scheduler.program.PlannedMessage;
import io.missive.scheduler.resolution.DropReason;
import io.missive.scheduler.resolution.Resolution.Dropped;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Campaigns in PostgreSQL. Messages are written once, in bulk (array inserts of 10,000 rows), and
 * never updated: publication moves the campaign's cursor ({@code published_seq}) after each acked batch.
 */
public class JdbcCampaigns implements CampaignStore, CampaignQueue {

    private static final int CHUNK = 10_000;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public JdbcCampaigns(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public Optional<CampaignView> find(String commandId, int listed) {
        var campaign = jdbc.query("select * from campaign where command_id = ?", CampaignRows.CAMPAIGN, commandId).stream().findFirst();
        if (campaign.isEmpty()) {
            return Optional.empty();
        }
        var failed = jdbc.query("""
                        select recipient_key, message_id, failure from campaign_message where command_id = ? and failure is not null
                        order by seq limit ?""",
                (rs, n) -> new FailedRecipient(rs.getString(1), rs.getString(2), rs.getString(3)), commandId, listed);
        var dropped = jdbc.query("select recipient, reason from campaign_drop where command_id = ? order by position limit ?",
                (rs, n) -> new Dropped(rs.getString(1), DropReason.valueOf(rs.getString(2))), commandId, listed);
        var failedByReason = byReason("""
                select failure, count(*) from campaign_message where command_id = ? and failure is not null
                group by failure order by failure""", commandId);
        var droppedByReason = byReason("select reason, count(*) from campaign_drop where command_id = ? group by reason order by reason",
                commandId);
        int cancelled = 0;
        if (campaign.get().state() == Campaign.State.CANCELLED) {
            cancelled = countUnpublished(commandId, campaign.get().publishedSeq());
        }
        return Optional.of(new CampaignView(campaign.get(), failed, dropped, cancelled, failedByReason, droppedByReason));
    }

    private Map<String, Integer> byReason(String sql, String commandId) {
        var counts = new LinkedHashMap<String, Integer>();
        jdbc.query(sql, (RowCallbackHandler) rs -> counts.put(rs.getString(1), rs.getInt(2)), commandId);
        return counts;
    }

    @Override
    public Optional<Campaign> insert(Campaign draft, String owner, Duration lease, Function<CampaignWriter, Campaign> fill) {
        return Objects.requireNonNull(tx.execute(status -> {
            var attachment = draft.attachment();
            int inserted = jdbc.update("""
                    insert into campaign (command_id, state, provider, template, due_at, accepted_at, recipient_count, failed_count,
                        dropped_count, published_seq, announced, cancel_announced, lease_owner, lease_until, attachment_file_name,
                        attachment_content_type, attachment_url, redirection_target_id, redirection_url, quit_message, workshop_id,
                        supporter_id, aircall_number_id, purpose, notices, urgent, channel, media_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, false, true, ?, clock_timestamp() + ? * interval '1 millisecond',
                        ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (command_id) do nothing""",
                    draft.commandId(), draft.state().name(), draft.provider().name(), draft.template(), Timestamp.from(draft.dueAt()),
                    Timestamp.from(draft.acceptedAt()), draft.recipientCount(), draft.failedCount(), draft.droppedCount(), owner,
                    lease.toMillis(), attachment == null ? null : attachment.fileName(),
                    attachment == null ? null : attachment.contentType(), attachment == null ? null : attachment.url(),
                    draft.redirectionTargetId(), draft.redirectionUrl(), draft.quitMessage(), draft.workshopId(), draft.supporterId(),
                    draft.aircallNumberId(), draft.purpose(), draft.notices().isEmpty() ? null : String.join("\n", draft.notices()), draft.urgent(),
                    draft.channel().name(), draft.mediaId());
            if (inserted == 0) {
                return Optional.<Campaign>empty();
            }
            var writer = new PagedWriter(draft.commandId());
            var campaign = fill.apply(writer);
            writer.placeDrops();
            // The lease counts from the end of a possibly long transaction: clock_timestamp(), not now().
            jdbc.update("""
                    update campaign set provider = ?, aircall_number_id = ?, accepted_at = ?, recipient_count = ?, failed_count = ?,
                        dropped_count = ?, lease_until = clock_timestamp() + ? * interval '1 millisecond'
                    where command_id = ?""",
                    campaign.provider().name(), campaign.aircallNumberId(), Timestamp.from(campaign.acceptedAt()),
                    campaign.recipientCount(), campaign.failedCount(), campaign.droppedCount(), lease.toMillis(), draft.commandId());
            return Optional.of(campaign);
        }));
    }

    /**
     * Writes messages as they come, and drops at their final position when it is known (selector drops come
     * first, so their position is their rank). Filter drops and opt-outs are parked at negative positions, one
     * range each, and moved after the last selector drop once the command is resolved ({@link #placeDrops}).
     */
    private final class PagedWriter implements CampaignWriter {

        @Override
        public void author(@Nullable String author) {
            jdbc.update("update campaign set author = ? where command_id = ?", author, commandId);
        }

        private static final long FILTER_BASE = Integer.MIN_VALUE;
        private static final long OPTED_OUT_BASE = Integer.MIN_VALUE + (1L << 30);

        private final String commandId;
        private int selectorDrops;
        private int filterDrops;
        private int optedOut;

        PagedWriter(String commandId) {
            this.commandId = commandId;
        }

        @Override
        public void messages(List<PlannedMessage> messages) {
            for (int from = 0; from < messages.size(); from += CHUNK) {
                insertMessages(commandId, messages.subList(from, Math.min(messages.size(), from + CHUNK)));
            }
        }

        @Override
        public void dropped(List<Dropped> selector, List<Dropped> filter, List<Dropped> opted) {
            insertDrops(selector, selectorDrops);
            selectorDrops += selector.size();
            insertDrops(filter, FILTER_BASE + filterDrops);
            filterDrops += filter.size();
            insertDrops(opted, OPTED_OUT_BASE + optedOut);
            optedOut += opted.size();
            if (filterDrops >= 1 << 30 || optedOut >= 1 << 30) {
                throw new IllegalStateException("more than 2^30 drops of one kind in campaign " + commandId);
            }
        }

        /** One statement; the targets (from the selector drops' count up) are free, so no key is ever taken twice. */
        void placeDrops() {
            if (filterDrops + optedOut == 0) {
                return;
            }
            jdbc.update("""
                    update campaign_drop set position = (case when position < ?
                        then ? + (position::bigint - ?) else ? + (position::bigint - ?) end)::int
                    where command_id = ? and position < 0""",
                    OPTED_OUT_BASE, (long) selectorDrops, FILTER_BASE, (long) selectorDrops + filterDrops, OPTED_OUT_BASE, commandId);
        }

        private void insertDrops(List<Dropped> drops, long firstPosition) {
            for (int from = 0; from < drops.size(); from += CHUNK) {
                var chunk = drops.subList(from, Math.min(drops.size(), from + CHUNK));
                var positions = new Integer[chunk.size()];
                for (int i = 0; i < positions.length; i++) {
                    positions[i] = Math.toIntExact(firstPosition + from + i);
                }
                arrays("""
                        insert into campaign_drop (command_id, position, recipient, reason)
                        select ?, * from unnest(?::int[], ?::text[], ?::text[])""", commandId, positions,
                        column(chunk, Dropped::recipient), column(chunk, d -> d.reason().name()));
            }
        }
    }

    private void insertMessages(String commandId, List<PlannedMessage> chunk) {
        var seqs = new Integer[chunk.size()];
        var segments = new Integer[chunk.size()];
        for (int i = 0; i < seqs.length; i++) {
            seqs[i] = chunk.get(i).seq();
            segments[i] = chunk.get(i).segments();
        }
        var params = new Object[1 + 19];
        params[0] = commandId;
        params[1] = seqs;
        params[2] = column(chunk, PlannedMessage::messageId);
        params[3] = column(chunk, PlannedMessage::recipientKey);
        params[4] = column(chunk, PlannedMessage::parentId);
        params[5] = column(chunk, PlannedMessage::childId);
        params[6] = column(chunk, PlannedMessage::phone);
        params[7] = column(chunk, PlannedMessage::supporterId);
        params[8] = column(chunk, PlannedMessage::body);
        params[9] = segments;
        params[10] = column(chunk, PlannedMessage::encoding);
        params[11] = column(chunk, PlannedMessage::linkCode);
        for (int v = 0; v < CampaignRows.VARIABLE_COLUMNS.length; v++) {
            var variable = CampaignRows.VARIABLE_COLUMNS[v];
            params[12 + v] = column(chunk, m -> m.values().get(variable.name()));
        }
        params[18] = column(chunk, PlannedMessage::failure);
        params[19] = column(chunk, CampaignRows::customValues);
        arrays("insert into campaign_message (command_id, " + CampaignRows.MESSAGE_COLUMNS.replace("v_custom::text", "v_custom")
                + ") select ?, s, m, k, p, c, ph, su, b, sg, e, l, v1, v2, v3, v4, v5, v6, f, vc::jsonb from unnest("
                + "?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::text[], "
                + "?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) "
                + "as t(s, m, k, p, c, ph, su, b, sg, e, l, v1, v2, v3, v4, v5, v6, f, vc)", params);
    }

    @Override
    public void markAnnounced(String commandId, String owner) {
        jdbc.update("update campaign set announced = true, lease_owner = null, lease_until = null where command_id = ? and lease_owner = ?",
                commandId, owner);
        jdbc.update("update campaign set announced = true where command_id = ?", commandId);
    }

    @Override
    public void markCancelAnnounced(String commandId, String owner) {
        jdbc.update("update campaign set cancel_announced = true where command_id = ?", commandId);
    }

    @Override
    public void release(String commandId, String owner) {
        jdbc.update("update campaign set lease_owner = null, lease_until = null where command_id = ? and lease_owner = ?", commandId, owner);
    }

    @Override
    public CancelOutcome cancel(String commandId, String reason) {
        return cancel(commandId, reason, () -> { });
    }

    @Override
    public CancelOutcome cancel(String commandId, String reason, Runnable beforeCommit) {
        return tx.execute(status -> {
            var locked = jdbc.query("select state, published_seq from campaign where command_id = ? for update",
                    (rs, n) -> new Object[] {rs.getString(1), rs.getInt(2)}, commandId);
            if (locked.isEmpty()) {
                return new CancelOutcome.NotFound();
            }
            var state = Campaign.State.valueOf((String) locked.getFirst()[0]);
            int publishedSeq = (Integer) locked.getFirst()[1];
            return switch (state) {
                case DONE -> new CancelOutcome.AlreadyPublished();
                case CANCELLED -> new CancelOutcome.Cancelled(countUnpublished(commandId, publishedSeq), true);
                case PLANNED -> {
                    jdbc.update("""
                            update campaign set state = 'CANCELLED', cancel_announced = false, cancelled_at = now(), cancel_reason = ?
                            where command_id = ?""", reason, commandId);
                    beforeCommit.run();
                    yield new CancelOutcome.Cancelled(countUnpublished(commandId, publishedSeq), false);
                }
            };
        });
    }

    private int countUnpublished(String commandId, int publishedSeq) {
        var count = jdbc.queryForObject("select count(*) from campaign_message where command_id = ? and seq > ? and failure is null",
                Integer.class, commandId, publishedSeq);
        return count == null ? 0 : count;
    }

    @Override
    public Optional<Campaign> claim(String owner, Duration lease) {
        return jdbc.query("""
                update campaign set lease_owner = ?, lease_until = now() + ? * interval '1 millisecond'
                where command_id = (
                    select command_id from campaign
                    where (state = 'PLANNED' or not announced or not cancel_announced)
                      and (lease_until is null or lease_until < now())
                      and (not announced or (state = 'PLANNED' and due_at <= now()) or (state = 'CANCELLED' and not cancel_announced))
                    order by due_at
                    limit 1
                    for update skip locked)
                returning *""", CampaignRows.CAMPAIGN, owner, lease.toMillis()).stream().findFirst();
    }

    @Override
    public List<PlannedMessage> messagesAfter(String commandId, int afterSeq, int limit) {
        return jdbc.query("select " + CampaignRows.MESSAGE_COLUMNS + " from campaign_message where command_id = ? and seq > ? order by seq limit ?",
                CampaignRows.MESSAGE, commandId, afterSeq, limit);
    }

    @Override
    public BatchResult publishBatch(String commandId, String owner, int expectedCursor, List<PlannedMessage> batch,
                                    Duration lease, BatchSender send) {
        return tx.execute(status -> {
            var locked = jdbc.query("select * from campaign where command_id = ? and lease_owner = ? for update",
                    CampaignRows.CAMPAIGN, commandId, owner);
            if (locked.isEmpty() || locked.getFirst().state() != Campaign.State.PLANNED
                    || locked.getFirst().publishedSeq() != expectedCursor) {
                return BatchResult.STOPPED;
            }
            var campaign = locked.getFirst();
            if (batch.isEmpty()) {
                jdbc.update("update campaign set state = 'DONE', published_at = now() where command_id = ?", commandId);
                return BatchResult.FINISHED;
            }
            send.send(campaign, withoutErased(commandId, batch));
            int last = batch.getLast().seq();
            boolean finished = last >= campaign.recipientCount();
            jdbc.update("""
                    update campaign set published_seq = ?, lease_until = now() + ? * interval '1 millisecond',
                        state = case when ? then 'DONE' else state end,
                        published_at = case when ? then now() else published_at end
                    where command_id = ?""", last, lease.toMillis(), finished, finished, commandId);
            return finished ? BatchResult.FINISHED : BatchResult.PUBLISHED;
        });
    }

    /**
     * The batch was read before the campaign's lock: a parent erased since then is not published (their messages were
     * marked {@code ERASED} under that lock). A range scan of the small failed-messages index.
     */
    private List<PlannedMessage> withoutErased(String commandId, List<PlannedMessage> batch) {
        var erased = jdbc.queryForList("select seq from campaign_message where command_id = ? and seq between ? and ? and failure = ?",
                Integer.class, commandId, batch.getFirst().seq(), batch.getLast().seq(), Erasures.REASON);
        if (erased.isEmpty()) {
            return batch;
        }
        var skipped = java.util.Set.copyOf(erased);
        return batch.stream().filter(m -> !skipped.contains(m.seq())).toList();
    }

    /** Runs a statement: String[] / Integer[] parameters become SQL arrays, anything else is bound as is. */
    private void arrays(String sql, Object... params) {
        jdbc.execute((ConnectionCallback<Integer>) con -> {
            try (PreparedStatement statement = con.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    var param = params[i];
                    if (param instanceof Integer[] ints) {
                        statement.setArray(i + 1, con.createArrayOf("int4", ints));
                    } else if (param instanceof String[] strings) {
                        statement.setArray(i + 1, con.createArrayOf("text", strings));
                    } else {
                        statement.setObject(i + 1, param);
                    }
                }
                return statement.executeUpdate();
            }
        });
    }

    private static <T> String[] column(List<T> rows, Function<T, @Nullable String> field) {
        var values = new String[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = field.apply(rows.get(i));
        }
        return values;
    }
}
