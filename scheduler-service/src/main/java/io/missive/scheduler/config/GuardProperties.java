package io.missive.scheduler.config;

import io.missive.scheduler.guard.GuardMode;
import io.missive.scheduler.guard.GuardPolicy;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The send guard's modes (issue 18, decision 0110): {@code off}, {@code monitor} (record, send anyway) or
 * {@code block} (record, hold the command).
 *
 * @param links     env {@code MISSIVE_GUARD_LINKS}, default block
 * @param keywords  env {@code MISSIVE_GUARD_KEYWORDS}, default block
 * @param phones    env {@code MISSIVE_GUARD_PHONES}, default monitor
 * @param listsTtl  how long the lists are kept before they are read again (a change made through this instance is seen at once)
 */
@Validated
@ConfigurationProperties("missive.guard")
public record GuardProperties(
        @DefaultValue("block") @NotNull GuardMode links,
        @DefaultValue("block") @NotNull GuardMode keywords,
        @DefaultValue("monitor") @NotNull GuardMode phones,
        @DefaultValue("5s") @NotNull Duration listsTtl) {

    public GuardPolicy policy() {
        return new GuardPolicy(links, keywords, phones);
    }
}
