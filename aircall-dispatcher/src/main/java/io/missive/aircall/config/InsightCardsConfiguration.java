package io.missive.aircall.config;

import io.missive.aircall.cards.InsightCards;
import io.missive.aircall.cards.http.AircallInsightCardClient;
import io.missive.aircall.cards.jdbc.JdbcCardQueue;
import io.missive.aircall.cards.jdbc.JdbcLastMessages;
import io.missive.aircall.cards.kafka.CallEventListener;
import io.missive.aircall.directory.CallerDirectory;
import io.missive.aircall.directory.jdbc.JdbcCallerDirectory;
import io.missive.aircall.directory.kafka.DirectoryListener;
import io.missive.aircall.dispatch.DispatchLoop;
import io.missive.aircall.dispatch.RateLimit;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires insight cards (decision 0304): the caller directory kept from {@code missive.directory},
 * the card queue, Aircall's insight-card endpoint and the call events. Without Aircall on and its
 * credentials, none of it runs: the directory is not copied and the call events are not read.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${missive.aircall.enabled:false} and ${missive.aircall.insight-cards.enabled:true}"
        + " and '${missive.aircall.api-id:}' != '' and '${missive.aircall.api-token:}' != ''")
class InsightCardsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(InsightCardsConfiguration.class);

    @Bean
    CallerDirectory callerDirectory(JdbcClient jdbc, TransactionTemplate transactions) {
        return new JdbcCallerDirectory(jdbc, transactions);
    }

    @Bean
    DirectoryListener directoryListener(CallerDirectory directory) {
        return new DirectoryListener(directory);
    }

    @Bean
    InsightCards insightCards(AircallProperties properties, CallerDirectory directory, JdbcClient jdbc, JsonMapper json,
                              RateLimit limiter, MeterRegistry registry, Clock clock) {
        var cards = properties.insightCards();
        log.info("event=aircall.insight_cards_on maxAge={}", cards.maxAge());
        var client = new AircallInsightCardClient(properties.baseUrl(), properties.apiId(), properties.apiToken(),
                properties.connectTimeout(), cards.requestTimeout(), json, clock);
        return new InsightCards(new JdbcCardQueue(jdbc, json), directory, new JdbcLastMessages(jdbc), client, limiter,
                outcome -> registry.counter("missive.aircall.insight_cards", "outcome", outcome).increment(),
                cards.maxAge(), properties.pollInterval(), cards.zone(), clock);
    }

    @Bean
    CallEventListener callEventListener(InsightCards cards, DispatchLoop loop) {
        return new CallEventListener(cards, loop);
    }
}
