package io.missive.spothit.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.MeterRegistry;
import io.missive.spothit.dispatch.BulkSms;
import io.missive.spothit.dispatch.DispatchLedger;
import io.missive.spothit.dispatch.DispatchObserver;
import io.missive.spothit.dispatch.ResilientSender;
import io.missive.spothit.dispatch.SendOutcome;
import io.missive.spothit.dispatch.StatusChange;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code missive_spothit_calls_total{outcome}}, {@code missive_spothit_call_recipients},
 * {@code missive_spothit_call_attempts} and {@code missive_spothit_messages_total{status,reason}},
 * the reason reduced to its kind (SAFEGUARD, UNKNOWN_OUTCOME, SPOTHIT_6, PROVIDER_UNAVAILABLE…; a first
 * park counts as status IN_PROGRESS, reason PROVIDER_UNAVAILABLE_RETRYING), and the gauges
 * {@code missive_spothit_parked_messages} and {@code missive_spothit_parked_next_attempt_seconds} (epoch
 * seconds of the earliest next attempt, 0 when nothing is parked), and both per campaign
 * ({@code missive_spothit_parked_campaign_*{campaign=…}}), refreshed by the retry loop.
 */
class DispatchMetrics implements DispatchObserver {

    private final MeterRegistry meters;
    private final DistributionSummary recipients;
    private final DistributionSummary attempts;
    private final AtomicLong parkedMessages = new AtomicLong();
    private final AtomicLong nextAttemptSeconds = new AtomicLong();
    private final MultiGauge parkedByCampaign;
    private final MultiGauge nextAttemptByCampaign;

    DispatchMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.recipients = DistributionSummary.builder("missive.spothit.call.recipients").register(meters);
        this.attempts = DistributionSummary.builder("missive.spothit.call.attempts").register(meters);
        Gauge.builder("missive.spothit.parked.messages", parkedMessages, AtomicLong::get)
                .description("messages waiting for SpotHit to be available again").register(meters);
        Gauge.builder("missive.spothit.parked.next.attempt.seconds", nextAttemptSeconds, AtomicLong::get)
                .description("epoch seconds of the earliest next attempt of a parked message, 0 if none").register(meters);
        // Per campaign, so that the staff see which campaigns wait and until when; only campaigns with parked
        // messages have a series (a handful at a time), the others are removed at the next refresh.
        parkedByCampaign = MultiGauge.builder("missive.spothit.parked.campaign.messages")
                .description("messages of a campaign waiting for SpotHit").register(meters);
        nextAttemptByCampaign = MultiGauge.builder("missive.spothit.parked.campaign.next.attempt.seconds")
                .description("epoch seconds of a campaign's earliest next attempt").register(meters);
    }

    void parked(DispatchLedger.ParkedSummary summary) {
        parkedMessages.set(summary.messages());
        var next = summary.nextAttempt();
        nextAttemptSeconds.set(next == null ? 0 : next.getEpochSecond());
        parkedByCampaign.register(summary.campaigns().stream()
                .map(c -> MultiGauge.Row.of(Tags.of("campaign", c.campaignId()), c.messages())).toList(), true);
        nextAttemptByCampaign.register(summary.campaigns().stream()
                .map(c -> MultiGauge.Row.of(Tags.of("campaign", c.campaignId()), c.nextAttempt().getEpochSecond())).toList(), true);
    }

    @Override
    public void callFinished(BulkSms sms, ResilientSender.Attempted attempted) {
        var outcome = switch (attempted.outcome()) {
            case SendOutcome.Accepted accepted -> "accepted";
            case SendOutcome.Refused refused -> "refused";
            case SendOutcome.Unavailable unavailable -> "unavailable";
            case SendOutcome.Unknown unknown -> "unknown";
        };
        Counter.builder("missive.spothit.calls").tag("outcome", outcome).tag("mms", String.valueOf(sms.isMms()))
                .tag("channel", sms.channel().name())
                .register(meters).increment();
        recipients.record(sms.recipients().size());
        attempts.record(attempted.attempts());
    }

    @Override
    public void settled(List<? extends StatusChange> changes) {
        for (var change : changes) {
            var tags = switch (change) {
                case StatusChange.InProgress inProgress -> new String[] {"status", "IN_PROGRESS", "reason", "none"};
                case StatusChange.Sent sent -> new String[] {"status", "SENT", "reason", "none"};
                case StatusChange.Failed failed -> new String[] {"status", "FAILED", "reason", kind(failed.reason())};
                case StatusChange.Retrying retrying -> new String[] {"status", "IN_PROGRESS", "reason", StatusChange.RETRYING};
            };
            meters.counter("missive.spothit.messages", tags).increment();
        }
    }

    private static String kind(String reason) {
        int colon = reason.indexOf(':');
        return colon < 0 ? reason : reason.substring(0, colon);
    }
}
