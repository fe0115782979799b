package io.missive.aircall.dispatch.http;

import static io.missive.schemas.access.AccessRules.scope;

import io.missive.schemas.access.AccessRules;
import io.missive.schemas.access.Scopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may read the dispatch records: they are events of the Aircall channel. */
@Configuration(proxyBeanMethods = false)
class DispatchAccess {

    @Bean
    AccessRules dispatchAccessRules() {
        return AccessRules.of(scope(Scopes.EVENTS_READ, HttpMethod.GET, "/api/v1/aircall/dispatches/**"));
    }
}
