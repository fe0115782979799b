package io.missive.spothit.dispatch;

import io.missive.events.Channel;
import io.missive.schemas.channels.RcsMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Groups messages into SpotHit calls: one campaign and one attachment per call, at most
 * {@code batchSize} recipients and each phone once (SpotHit keys recipients by number). When the
 * campaign's template renders every body of the group, one personalised call carries the template
 * and each recipient's variables; otherwise recipients are grouped by identical body.
 */
public final class BulkPlanner {

    private final int batchSize;
    private final RcsMode rcsMode;

    public BulkPlanner(int batchSize) {
        this(batchSize, RcsMode.OFF);
    }

    /** Also splits by channel: each message's, by {@link RequestedMessage#channelUnder(RcsMode)}. */
    public BulkPlanner(int batchSize, RcsMode rcsMode) {
        this.rcsMode = rcsMode;
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
        }
        this.batchSize = batchSize;
    }

    public List<BulkSms> plan(List<RequestedMessage> messages) {
        var groups = new LinkedHashMap<GroupKey, List<RequestedMessage>>();
        for (var message : messages) {
            var channel = message.channelUnder(rcsMode);
            groups.computeIfAbsent(new GroupKey(message.campaignId(), message.attachmentUrl(), message.template(), channel,
                            channel == Channel.RCS_RICH ? message.mediaId() : null),
                    key -> new ArrayList<>()).add(message);
        }
        var calls = new ArrayList<BulkSms>();
        for (var group : groups.entrySet()) {
            var key = group.getKey();
            if (group.getValue().stream().allMatch(RequestedMessage::templateRendersBody)) {
                calls.addAll(chunk(key, key.template(), true, group.getValue()));
            } else {
                var byBody = new LinkedHashMap<String, List<RequestedMessage>>();
                group.getValue().forEach(m -> byBody.computeIfAbsent(m.body(), b -> new ArrayList<>()).add(m));
                byBody.forEach((body, sameBody) -> calls.addAll(chunk(key, body, false, sameBody)));
            }
        }
        return calls;
    }

    private List<BulkSms> chunk(GroupKey key, String text, boolean personalized, List<RequestedMessage> messages) {
        var chunks = new ArrayList<Chunk>();
        for (var message : messages) {
            var target = chunks.stream()
                    .filter(chunk -> chunk.recipients.size() < batchSize && !chunk.phones.contains(message.phone()))
                    .findFirst()
                    .orElseGet(() -> {
                        var created = new Chunk();
                        chunks.add(created);
                        return created;
                    });
            target.phones.add(message.phone());
            target.recipients.add(new BulkSms.Recipient(message.messageId(), message.phone(),
                    personalized ? message.variables() : java.util.Map.of()));
        }
        return chunks.stream()
                .map(chunk -> new BulkSms(UUID.randomUUID(), key.campaignId(), text, personalized,
                        key.attachmentUrl(), chunk.recipients, key.channel(), key.mediaId()))
                .toList();
    }

    private record GroupKey(String campaignId, @Nullable String attachmentUrl, String template, Channel channel,
                            @Nullable String mediaId) {
    }

    private static final class Chunk {
        private final Set<String> phones = new HashSet<>();
        private final List<BulkSms.Recipient> recipients = new ArrayList<>();
    }
}
