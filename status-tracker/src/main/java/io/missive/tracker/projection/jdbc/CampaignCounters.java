package io.missive.tracker.projection.jdbc;

import static io.missive.tracker.projection.jdbc.SqlArrays.millis;
import static io.missive.tracker.projection.jdbc.SqlArrays.texts;
import static io.missive.tracker.projection.jdbc.SqlArrays.timestamp;

import io.missive.events.MessagePlanned;
import io.missive.schemas.Statuses;
import io.missive.tracker.projection.MessageProgress;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A batch's changes to the per-campaign counters ({@code campaign_counts}: messages by provider, status,
 * channel and RCS fallback) and to the list of campaigns
 * ({@code campaigns}), gathered while the messages' rows are written and applied at the end of the same
 * transaction in one statement each, whatever the batch's size. Deltas are summed per counter first and
 * written in key order, so two consumers touching the same campaign lock its counters in the same order.
 */
final class CampaignCounters {

    private static final String UNKNOWN = "unknown";

    private final SqlArrays sql;
    private final Map<Key, Long> deltas = new TreeMap<>(Comparator.comparing(Key::campaignId)
            .thenComparing(Key::provider).thenComparingInt(Key::status).thenComparing(Key::channel)
            .thenComparing(Key::fallback));

    CampaignCounters(SqlArrays sql) {
        this.sql = sql;
    }

    private record Key(String campaignId, String provider, int status, String channel, boolean fallback) {
    }

    /** Where a message is counted: its status, the channel it took (or was planned on) and whether RCS fell back. */
    record Place(int status, @Nullable String channel, boolean fallback) {

        static Place of(MessageProgress progress) {
            return new Place(Statuses.code(progress.status()), progress.channel() == null ? null : progress.channel().name(),
                    progress.fallback());
        }
    }

    /**
     * A message's row after its plan was written: it leaves the campaign it was counted in before (a
     * re-plan) and joins its campaign at the status it already has (reports may precede the plan).
     */
    void planned(@Nullable String priorCampaign, @Nullable String priorProvider, Place prior, String campaign,
                 @Nullable String provider, Place now) {
        if (priorCampaign != null) {
            add(priorCampaign, priorProvider, prior, -1);
        }
        add(campaign, provider, now, +1);
    }

    /** A counted message moved (status, channel or fallback); a message of no known campaign is not counted yet. */
    void moved(@Nullable String campaign, @Nullable String provider, Place from, Place to) {
        if (campaign == null || from.equals(to)) {
            return;
        }
        add(campaign, provider, from, -1);
        add(campaign, provider, to, +1);
    }

    private void add(String campaign, @Nullable String provider, Place place, long delta) {
        deltas.merge(new Key(campaign, provider == null ? UNKNOWN : provider, place.status(),
                place.channel() == null ? UNKNOWN : place.channel(), place.fallback()), delta, Long::sum);
    }

    /** What the list shows about the batch's campaigns: the earliest planned time, who and what it is for. */
    void campaigns(List<MessagePlanned> events) {
        if (events.isEmpty()) {
            return;
        }
        var first = new TreeMap<String, MessagePlanned>();
        for (var event : events) {
            first.merge(event.getCampaignId(), event, (a, b) -> a.getPlannedAt().isAfter(b.getPlannedAt()) ? b : a);
        }
        var rows = first.values();
        sql.update("""
                insert into campaigns (campaign_id, planned_at, supporter_id, workshop_id, purpose)
                select c, %s, s, w, p from unnest(?::text[], ?::int8[], ?::text[], ?::text[], ?::text[]) as u(c, pa, s, w, p)
                on conflict (campaign_id) do update set planned_at = least(campaigns.planned_at, excluded.planned_at),
                    supporter_id = coalesce(campaigns.supporter_id, excluded.supporter_id),
                    workshop_id = coalesce(campaigns.workshop_id, excluded.workshop_id),
                    purpose = coalesce(campaigns.purpose, excluded.purpose)
                """.formatted(timestamp("pa")),
                texts(rows, MessagePlanned::getCampaignId), millis(rows, MessagePlanned::getPlannedAt),
                texts(rows, MessagePlanned::getSupporterId), texts(rows, MessagePlanned::getWorkshopId),
                texts(rows, MessagePlanned::getPurpose));
    }

    /** Applies the batch's deltas: one statement. */
    void flush() {
        deltas.values().removeIf(delta -> delta == 0);
        if (deltas.isEmpty()) {
            return;
        }
        var keys = deltas.keySet();
        sql.update("""
                insert into campaign_counts (campaign_id, provider, status, channel, fallback, messages)
                select c, p, s, ch, f, n from unnest(?::text[], ?::text[], ?::int2[], ?::text[], ?::bool[], ?::int8[])
                    as u(c, p, s, ch, f, n)
                on conflict (campaign_id, provider, status, channel, fallback)
                do update set messages = campaign_counts.messages + excluded.messages
                """,
                texts(keys, Key::campaignId), texts(keys, Key::provider),
                keys.stream().map(k -> (short) k.status()).toArray(Short[]::new), texts(keys, Key::channel),
                keys.stream().map(Key::fallback).toArray(Boolean[]::new), deltas.values().toArray(Long[]::new));
        deltas.clear();
    }
}
