package io.missive.gateway.config;

import io.missive.gateway.aircall.AircallEndpoint;
import io.missive.gateway.aircall.AircallWebhooks;
import io.missive.gateway.links.LinkRedirects;
import io.missive.gateway.links.TrackedLinks;
import io.missive.gateway.links.jdbc.JdbcTrackedLinks;
import io.missive.gateway.publishing.EventSink;
import io.missive.gateway.publishing.kafka.KafkaEventSink;
import io.missive.gateway.spothit.SpotHitCallbacks;
import io.missive.gateway.web.http.MalformedRequestFilter;
import io.missive.gateway.web.http.RequestSizeLimitFilter;
import io.missive.schemas.spring.EventPublisher;
import java.time.Clock;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import io.missive.gateway.webhooks.SharedSecret;

/** Wires the gateway's domain to its adapters. */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventSink eventSink(EventPublisher publisher, GatewayProperties properties) {
        return new KafkaEventSink(publisher, properties.publishTimeout());
    }

    @Bean
    SpotHitCallbacks spotHitCallbacks(Clock clock, SpotHitCallbackProperties properties) {
        return new SpotHitCallbacks(clock, SharedSecret.of(properties.sharedSecret()));
    }

    @Bean
    AircallWebhooks aircallWebhooks(Clock clock, AircallWebhookProperties tokens) {
        return new AircallWebhooks(Map.of(
                AircallEndpoint.MESSAGES, SharedSecret.of(tokens.messageToken()),
                AircallEndpoint.MESSAGE_STATUS_UPDATED, SharedSecret.of(tokens.eventMessageStatusUpdatedToken()),
                AircallEndpoint.CALLS, SharedSecret.of(tokens.callToken())), clock);
    }

    @Bean
    TrackedLinks trackedLinks(JdbcClient jdbc) {
        return new JdbcTrackedLinks(jdbc);
    }

    @Bean
    LinkRedirects linkRedirects(TrackedLinks links, Clock clock) {
        return new LinkRedirects(links, clock);
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(GatewayProperties properties) {
        var registration = new FilterRegistrationBean<>(new RequestSizeLimitFilter(properties.maxRequestSize().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Right after the size cap, before Spring's own filters (FormContentFilter decodes PUT forms). */
    @Bean
    FilterRegistrationBean<MalformedRequestFilter> malformedRequestFilter() {
        var registration = new FilterRegistrationBean<>(new MalformedRequestFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
