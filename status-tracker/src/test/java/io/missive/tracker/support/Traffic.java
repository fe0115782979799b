package io.missive.tracker.support;

import io.missive.events.LinkClicked;
import io.missive.events.MessagePlanned;
import io.missive.events.Provider;
import io.missive.events.Status;
import io.missive.events.StatusUpdated;
import io.missive.schemas.topics.Topic;
import io.missive.schemas.topics.Topics;
import io.missive.testkit.kafka.TestProducer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.jspecify.annotations.Nullable;

/**
 * Realistic traffic for the tracker: planned messages in SpotHit campaigns (and some Aircall ones), and
 * the status reports the scheduler, the dispatchers and the providers' receipts make for them.
 */
public final class Traffic {

    public static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    /** An event with the topic and key it travels with. */
    public record Sent(Topic topic, String key, SpecificRecord event) {
        public void sendWith(TestProducer producer) {
            producer.sendAsync(topic, key, event);
        }
    }

    private Traffic() {
    }

    public static String messageId(String run, int n) {
        return UUID.nameUUIDFromBytes((run + ":message:" + n).getBytes()).toString();
    }

    public static String phone(int n) {
        return "+336%08d".formatted(n);
    }

    public static String spotHitCampaign(String run, int n) {
        return run + "-sh-" + (n / 50);
    }

    public static boolean isAircall(int n) {
        return n % 10 == 9;
    }

    public static String aircallId(String run, int n) {
        return run + "-ac-" + n;
    }

    public static Sent planned(String run, int n) {
        var messageId = messageId(run, n);
        var event = MessagePlanned.newBuilder().setEventId(eventId(run, "planned", n)).setOccurredAt(T0)
                .setMessageId(messageId).setCampaignId(run + "-campaign-" + (n / 500)).setParentId("parent-" + (n % 700))
                .setChildId("child-" + n).setPhone(phone(n)).setProvider(isAircall(n) ? Provider.AIRCALL : Provider.SPOTHIT)
                .setBody("Bonjour, message " + n).setSegments(1).setEncoding("GSM7").setPlannedAt(T0.plusSeconds(n % 60))
                .setLinkCode("L" + n).setQuitMessage(n % 3 == 0).setWorkshopId("w-" + (n % 7)).setSupporterId("s-" + (n % 11))
                .build();
        return new Sent(Topics.PLANNED, messageId, event);
    }

    /** The five status reports of one message: its terminal status depends on n (80 % delivered). */
    public static List<Sent> lifecycle(String run, int n) {
        var messageId = messageId(run, n);
        var provider = isAircall(n) ? Provider.AIRCALL : Provider.SPOTHIT;
        var providerId = isAircall(n) ? aircallId(run, n) : spotHitCampaign(run, n);
        var source = isAircall(n) ? "aircall-dispatcher" : "spothit-dispatcher";
        var at = T0.plusSeconds(60 + n % 60);
        var terminal = terminalOf(n);
        var events = new ArrayList<Sent>();
        events.add(byMessage(eventId(run, "in-progress", n), messageId, Status.IN_PROGRESS, at, "scheduler-service", null, null, null, 1));
        events.add(byMessage(eventId(run, "retry", n), messageId, Status.IN_PROGRESS, at.plusSeconds(1), source, null, null, null, 2));
        events.add(byMessage(eventId(run, "sent", n), messageId, Status.SENT, at.plusSeconds(2), source, provider, providerId, phone(n), 2));
        events.add(receipt(eventId(run, "receipt-sent", n), provider, providerId, phone(n), Status.SENT, at.plusSeconds(3), null));
        events.add(receipt(eventId(run, "receipt-final", n), provider, providerId, phone(n), terminal, at.plusSeconds(30),
                terminal == Status.FAILED ? "SPOTHIT_ERROR_8" : null));
        return events;
    }

    public static Status terminalOf(int n) {
        return switch (n % 20) {
            case 0, 1, 2 -> Status.FAILED;
            case 3 -> Status.EXPIRED;
            default -> Status.DELIVERED;
        };
    }

    public static Sent byMessage(String eventId, String messageId, Status status, Instant at, String source,
                                 @Nullable Provider provider, @Nullable String providerId, @Nullable String phone,
                                 @Nullable Integer attempts) {
        return new Sent(Topics.STATUS, messageId, StatusUpdated.newBuilder().setEventId(eventId).setOccurredAt(at)
                .setMessageId(messageId).setProvider(provider).setProviderMessageId(providerId).setPhone(phone)
                .setStatus(status).setSource(source).setAttempts(attempts).build());
    }

    public static Sent receipt(String eventId, Provider provider, String providerId, @Nullable String phone, Status status,
                               Instant at, @Nullable String reason) {
        return new Sent(Topics.STATUS, providerId, StatusUpdated.newBuilder().setEventId(eventId).setOccurredAt(at)
                .setProvider(provider).setProviderMessageId(providerId).setPhone(phone).setStatus(status)
                .setReason(reason).setSource(provider == Provider.AIRCALL ? "aircall" : "spothit").build());
    }

    public static Sent click(String run, int n, int click) {
        var messageId = messageId(run, n);
        return new Sent(Topics.LINKS_CLICKED, messageId, LinkClicked.newBuilder().setEventId(eventId(run, "click-" + click, n))
                .setOccurredAt(T0.plusSeconds(3600 + click)).setMessageId(messageId).setCode("L" + n)
                .setTargetUrl("https://example.org/videos/" + n).build());
    }

    public static String eventId(String run, String what, int n) {
        return UUID.nameUUIDFromBytes((run + ":" + what + ":" + n).getBytes()).toString();
    }

    public static <T> List<T> shuffled(List<T> list, long seed) {
        var copy = new ArrayList<>(list);
        java.util.Collections.shuffle(copy, new Random(seed));
        return copy;
    }
}
