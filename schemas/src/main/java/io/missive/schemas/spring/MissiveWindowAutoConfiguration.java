package io.missive.schemas.spring;

import io.missive.schemas.window.SendingWindow;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The sending window every service shares, from {@code missive.sending-window.*}. */
@AutoConfiguration
@EnableConfigurationProperties(SendingWindowProperties.class)
public class MissiveWindowAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SendingWindow sendingWindow(SendingWindowProperties properties) {
        return properties.window();
    }
}
