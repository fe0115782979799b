package io.missive.scheduler.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import io.missive.scheduler.rendering.FormLinks;
import io.missive.schemas.channels.RcsMode;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The scheduler's settings.
 *
 * @param linkBaseUrl           public base of tracked links ({@code <base>/r/{code}}), env {@code PUBLIC_BASE_URL}
 * @param aircallEnabled        env {@code AIRCALL_ENABLED}
 * @param aircallMessageEnabled env {@code AIRCALL_MESSAGE_ENABLED}; Aircall is chosen only when both are true
 * @param pollIntervalMs        how often the due-queue looks for due campaigns
 * @param batchSize             most messages per produced-and-acknowledged batch (the cursor moves per batch; the first batch is smaller)
 * @param lease                 how long a claimed campaign stays with an instance without progress before another takes it over
 * @param acceptPageSize        recipients resolved, rendered and stored at a time when a command is accepted: bounds the
 *                              heap an acceptance needs, whatever the campaign's size
 * @param formLinkPatterns      regular expressions of form links (whole link) whose {@code #st=} fragment gets
 *                              {@code {PARENT_SECURITY_TOKEN}}; Typeform and VideoAsk when empty
 * @param rcsMode               {@code MISSIVE_RCS_MODE}, the SpotHit dispatcher's setting (same variable): the preview
 *                              says with it which channel each message will take (decision 0206)
 */
@Validated
@ConfigurationProperties("missive.scheduler")
public record SchedulerProperties(
        @NotBlank(message = "tracked links need a public base URL: set PUBLIC_BASE_URL")
        @Pattern(regexp = "https?://\\S+", message = "PUBLIC_BASE_URL must be an http(s) URL") String linkBaseUrl,
        @DefaultValue("false") boolean aircallEnabled,
        @DefaultValue("false") boolean aircallMessageEnabled,
        @DefaultValue("200") @Min(10) long pollIntervalMs,
        @DefaultValue("20000") @Min(1) int batchSize,
        @DefaultValue("30s") @NotNull Duration lease,
        @DefaultValue("10000") @Min(1) int acceptPageSize,
        @Nullable List<String> formLinkPatterns,
        @DefaultValue("off") @NotNull RcsMode rcsMode) {

    /** The form links whose {@code #st=} fragment gets the parent's token; Typeform and VideoAsk unless configured. */
    public List<String> formLinks() {
        return formLinkPatterns == null || formLinkPatterns.isEmpty() ? FormLinks.DEFAULT_PATTERNS : formLinkPatterns;
    }
}
