package io.missive.schemas.spring;

import io.missive.schemas.attachments.AttachmentFetcher;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The one attachment policy and fetcher, from {@code missive.attachment.*}: the scheduler and the SpotHit dispatcher share it. */
@AutoConfiguration
@EnableConfigurationProperties(AttachmentProperties.class)
public class MissiveAttachmentAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AttachmentFetcher attachmentFetcher(AttachmentProperties properties) {
        return new AttachmentFetcher(properties.policy());
    }
}
