package io.missive.scheduler.program.kafka;

import io.missive.events.Attachment;
import io.missive.events.Channel;
import io.missive.events.ChannelChoice;
import io.missive.events.MessagePlanned;
import io.missive.events.MessageRequested;
import io.missive.events.Provider;
import io.missive.events.Status;
import io.missive.events.StatusUpdated;
import io.missive.schemas.ids.MessageIds;
import io.missive.schemas.spring.EventPublisher;
import io.missive.schemas.spring.EventPublisher.Keyed;
import io.missive.schemas.topics.Topic;
import io.missive.schemas.topics.Topics;
import io.missive.scheduler.program.Campaign;
import io.missive.scheduler.program.MessageOutbox;
import io.missive.scheduler.program.PlannedMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The scheduler's events, keyed by messageId, produced in batches and awaited. Event ids are derived
 * from the message id, so a re-announced or re-published message is recognised downstream as the same event.
 */
public class KafkaMessageOutbox implements MessageOutbox {

    public static final String SOURCE = "scheduler-service";

    private final EventPublisher publisher;
    private final Clock clock;

    public KafkaMessageOutbox(EventPublisher publisher, Clock clock) {
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<Void> planned(Campaign campaign, List<PlannedMessage> messages) {
        var events = new ArrayList<Keyed>(messages.size());
        for (var m : messages) {
            events.add(new Keyed(m.messageId(), MessagePlanned.newBuilder()
                    .setEventId(MessageIds.eventIdFrom(m.messageId(), "planned"))
                    .setOccurredAt(campaign.acceptedAt())
                    .setMessageId(m.messageId())
                    .setCampaignId(campaign.commandId())
                    .setParentId(m.parentId())
                    .setChildId(m.childId())
                    .setPhone(m.phone())
                    .setProvider(campaign.provider())
                    .setBody(m.body())
                    .setSegments(m.segments())
                    .setEncoding(m.encoding())
                    .setPlannedAt(campaign.dueAt())
                    .setLinkCode(m.linkCode())
                    .setRedirectionTargetId(campaign.redirectionTargetId())
                    .setRedirectionUrl(campaign.redirectionUrl())
                    .setQuitMessage(campaign.quitMessage())
                    .setWorkshopId(campaign.workshopId())
                    .setSupporterId(m.supporterId())
                    .setAircallNumberId(campaign.aircallNumberId())
                    .setPurpose(campaign.purpose())
                    .setAttachment(attachment(campaign))
                    .setChannel(plannedChannel(campaign))
                    .build()));
        }
        return publish(Topics.PLANNED, events);
    }

    @Override
    public CompletableFuture<Void> failed(Campaign campaign, List<PlannedMessage> messages, String reason) {
        var now = clock.instant();
        var events = new ArrayList<Keyed>(messages.size());
        for (var m : messages) {
            events.add(new Keyed(m.messageId(), StatusUpdated.newBuilder()
                    .setEventId(MessageIds.eventIdFrom(m.messageId(), "failed", reason))
                    .setOccurredAt(now)
                    .setMessageId(m.messageId())
                    .setProvider(campaign.provider())
                    .setPhone(m.phone())
                    .setStatus(Status.FAILED)
                    .setReason(reason)
                    .setSource(SOURCE)
                    .build()));
        }
        return publish(Topics.STATUS, events);
    }

    @Override
    public CompletableFuture<Void> requested(Campaign campaign, List<PlannedMessage> messages) {
        var now = clock.instant();
        var events = new ArrayList<Keyed>(messages.size());
        for (var m : messages) {
            var variables = new java.util.TreeMap<String, String>(m.values());
            events.add(new Keyed(m.messageId(), MessageRequested.newBuilder()
                    .setEventId(MessageIds.eventIdFrom(m.messageId(), "requested"))
                    .setOccurredAt(now)
                    .setMessageId(m.messageId())
                    .setCampaignId(campaign.commandId())
                    .setProvider(campaign.provider())
                    .setPhone(m.phone())
                    .setBody(m.body())
                    .setTemplate(campaign.template())
                    .setVariables(new LinkedHashMap<>(variables))
                    .setSegments(m.segments())
                    .setParentId(m.parentId())
                    .setSupporterId(m.supporterId())
                    .setAircallNumberId(campaign.aircallNumberId())
                    .setAttachment(attachment(campaign))
                    .setDueAt(campaign.dueAt())
                    .setChannel(campaign.channel())
                    .setMediaId(campaign.mediaId())
                    .build()));
        }
        return publish(campaign.provider() == Provider.AIRCALL ? Topics.AIRCALL_REQUESTED : Topics.SPOTHIT_REQUESTED, events);
    }

    /** Sends without blocking on acks; the producer's delivery timeout bounds how long the future can stay open. */
    private CompletableFuture<Void> publish(Topic topic, List<Keyed> events) {
        var sends = new CompletableFuture<?>[events.size()];
        for (int i = 0; i < sends.length; i++) {
            sends[i] = publisher.publish(topic, events.get(i).key(), events.get(i).event());
        }
        return CompletableFuture.allOf(sends);
    }

    /**
     * The channel known at planning: Aircall's, or SMS/MMS when the command asks SMS. Otherwise the SpotHit
     * dispatcher's RCS mode decides (decision 0206), which the scheduler does not know: null, as the schema allows.
     */
    private static @Nullable Channel plannedChannel(Campaign campaign) {
        if (campaign.provider() == Provider.AIRCALL) {
            return Channel.AIRCALL;
        }
        if (campaign.channel() == ChannelChoice.SMS) {
            return campaign.attachment() == null ? Channel.SMS : Channel.MMS;
        }
        return null;
    }

    private static @Nullable Attachment attachment(Campaign campaign) {
        var a = campaign.attachment();
        return a == null ? null : Attachment.newBuilder().setFileName(a.fileName()).setContentType(a.contentType()).setUrl(a.url()).build();
    }
}
