package io.missive.spothit.dispatch;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A due message for SpotHit, as the scheduler requested it. */
public record RequestedMessage(String messageId, String campaignId, String phone, String body, String template,
                               Map<String, String> variables, @Nullable String attachmentUrl) {

    public RequestedMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(phone, "phone");
        body = body == null ? "" : body;
        template = template == null ? "" : template;
        variables = variables == null ? Map.of() : Map.copyOf(variables);
    }

    /** Whether SpotHit, given the template and this recipient's variables, renders exactly this body. */
    boolean templateRendersBody() {
        return !template.isBlank() && TemplateText.render(template, variables).equals(body);
    }
}
