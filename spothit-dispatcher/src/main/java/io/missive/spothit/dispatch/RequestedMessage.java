package io.missive.spothit.dispatch;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A due message for SpotHit, as the scheduler requested it. {@code dueAt} is its planned time: parked
 * messages are retried in that order, and given up on {@code give-up-after} past it.
 */
public record RequestedMessage(String messageId, String campaignId, String phone, String body, String template,
                               Map<String, String> variables, @Nullable String attachmentUrl, Instant dueAt) {

    public RequestedMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(dueAt, "dueAt");
        body = body == null ? "" : body;
        template = template == null ? "" : template;
        variables = variables == null ? Map.of() : Map.copyOf(variables);
    }

    /** A message due now (tests and callers without a planned time). */
    public RequestedMessage(String messageId, String campaignId, String phone, String body, String template,
                            Map<String, String> variables, @Nullable String attachmentUrl) {
        this(messageId, campaignId, phone, body, template, variables, attachmentUrl, Instant.now());
    }

    /** Whether SpotHit, given the template and this recipient's variables, renders exactly this body. */
    boolean templateRendersBody() {
        return !template.isBlank() && TemplateText.render(template, variables).equals(body);
    }
}
