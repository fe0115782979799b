package io.missive.tracker.config;

import io.missive.tracker.query.EventsStoreQueries;
import io.missive.tracker.query.jdbc.JdbcEventsStoreQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class QueryConfiguration {

    @Bean
    EventsStoreQueries eventsStoreQueries(JdbcClient jdbc) {
        return new JdbcEventsStoreQueries(jdbc);
    }
}
