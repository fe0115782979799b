package io.missive.scheduler.program;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One recipient's message, stored at acceptance under (campaign, seq). A message with a
 * {@code failure} ({@code MISSING_VARIABLE:<NAME>}) is announced and failed, never published. {@code values} are
 * the variables the template uses, by name.
 */
public record PlannedMessage(int seq, String messageId, String recipientKey, @Nullable String parentId,
                             @Nullable String childId, String phone, @Nullable String supporterId, String body,
                             int segments, String encoding, @Nullable String linkCode, Map<String, String> values,
                             @Nullable String failure) {

    public PlannedMessage {
        values = Map.copyOf(values);
    }

    public boolean sendable() {
        return failure == null;
    }
}
