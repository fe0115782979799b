package io.missive.gateway.config;

import io.missive.gateway.aircall.AircallEndpoint;
import io.missive.gateway.aircall.AircallWebhooks;
import io.missive.gateway.links.LinkRedirects;
import io.missive.gateway.links.TrackedLinks;
import io.missive.gateway.links.jdbc.JdbcTrackedLinks;
import io.missive.gateway.publishing.EventSink;
import io.missive.gateway.publishing.kafka.KafkaEventSink;
import io.missive.gateway.publishing.DeadLetters;
import io.missive.gateway.publishing.kafka.KafkaDeadLetters;
import io.missive.gateway.spothit.SpotHitCallbacks;
import io.missive.gateway.spothit.SpotHitRcsEvents;
import io.missive.gateway.web.http.MalformedRequestFilter;
import io.missive.gateway.web.http.RequestSizeLimitFilter;
import io.missive.schemas.spring.EventPublisher;
import io.missive.schemas.optouts.kafka.KafkaOptOutSet;
import io.missive.schemas.spring.OptOutSets;
import io.missive.schemas.spring.TopicNames;
import java.time.Clock;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import io.missive.gateway.webhooks.SharedSecret;

/** Wires the gateway's domain to its adapters. */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GatewayConfiguration.class);

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
    SpotHitRcsEvents spotHitRcsEvents(Clock clock) {
        return new SpotHitRcsEvents(clock);
    }

    @Bean
    DeadLetters deadLetters(KafkaTemplate<Object, Object> template, EventPublisher publisher, GatewayProperties properties) {
        return new KafkaDeadLetters(template, publisher.names(), properties.publishTimeout());
    }

    @Bean
    AircallWebhooks aircallWebhooks(Clock clock, AircallWebhookProperties tokens) {
        var secrets = new EnumMap<AircallEndpoint, SharedSecret>(Map.of(
                AircallEndpoint.MESSAGES, SharedSecret.of(tokens.messageToken()),
                AircallEndpoint.MESSAGE_STATUS_UPDATED, SharedSecret.of(tokens.eventMessageStatusUpdatedToken()),
                AircallEndpoint.CALLS, SharedSecret.of(tokens.callToken())));
        var insightCards = tokens.insightCardsToken();
        if (insightCards != null && !insightCards.isBlank()) {
            secrets.put(AircallEndpoint.INSIGHT_CARDS, SharedSecret.of(insightCards));
        } else {
            log.warn("event=aircall_insight_cards_closed reason=\"no token: set AIRCALL_WEBHOOK_INSIGHT_CARDS_TOKEN\"");
        }
        return new AircallWebhooks(secrets, clock);
    }

    /** The opt-out state kept from the compacted missive.optouts topic: what a revoke checks first. */
    @Bean(destroyMethod = "close")
    KafkaOptOutSet optOutSet(KafkaProperties kafka, TopicNames names) {
        return OptOutSets.started(kafka, names);
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
