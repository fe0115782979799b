package io.missive.tracker.query.http;

import static io.missive.schemas.access.AccessRules.scope;

import io.missive.schemas.access.AccessRules;
import io.missive.schemas.access.Scopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may read the Events store: messages, campaigns' counts, a parent's conversation, replies and a supporter's inbox, a phone's opt-out history. */
@Configuration(proxyBeanMethods = false)
class EventsStoreAccess {

    @Bean
    AccessRules eventsStoreAccessRules() {
        return AccessRules.of(
                scope(Scopes.EVENTS_READ, HttpMethod.GET, "/api/v1/messages/*"),
                scope(Scopes.EVENTS_READ, HttpMethod.GET, "/api/v1/campaigns"),
                scope(Scopes.EVENTS_READ, HttpMethod.GET, "/api/v1/campaigns/*"),
                scope(Scopes.EVENTS_READ, HttpMethod.GET, "/api/v1/parents/*/messages"),
                scope(Scopes.EVENTS_READ, HttpMethod.GET, "/api/v1/inbound"),
                scope(Scopes.EVENTS_READ, HttpMethod.GET, "/api/v1/inbound/by-supporter"),
                scope(Scopes.EVENTS_READ, HttpMethod.GET, "/api/v1/supporters/*/inbound"),
                // Marking a reply read is part of reading one's inbox: it changes no message, only that inbox.
                scope(Scopes.EVENTS_READ, HttpMethod.POST, "/api/v1/supporters/*/inbound/*/read"),
                scope(Scopes.EVENTS_READ, HttpMethod.GET, "/api/v1/optouts/*"));
    }
}
