package io.missive.simulators.aircall;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An insight card the simulator accepted on {@code POST /v1/calls/{call_id}/insight_cards}.
 *
 * @param contents the card's blocks, in order
 * @param json     the request body as received
 */
public record InsightCard(String callId, List<Block> contents, String apiId, Instant at, String json) {

    public InsightCard {
        contents = List.copyOf(contents);
    }

    /** The card's title (its first {@code title} block), or null. */
    public @Nullable String title() {
        return contents.stream().filter(block -> block.type().equals("title")).map(Block::text).findFirst().orElse(null);
    }

    /** The text of the {@code shortText} block with this label, or null. */
    public @Nullable String shortText(String label) {
        return contents.stream().filter(block -> block.type().equals("shortText") && label.equals(block.label()))
                .map(Block::text).findFirst().orElse(null);
    }

    /** One block: {@code title} (text), {@code shortText} (label, text, optional link) or {@code link} (label, link). */
    public record Block(String type, @Nullable String label, @Nullable String text, @Nullable String link) {
    }
}
