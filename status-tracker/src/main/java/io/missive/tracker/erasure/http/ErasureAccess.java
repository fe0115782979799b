package io.missive.tracker.erasure.http;

import static io.missive.schemas.access.AccessRules.scope;

import io.missive.schemas.access.AccessRules;
import io.missive.schemas.access.Scopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** An erasure's state is for those who may erase (people:admin, docs/decisions/0022). */
@Configuration(proxyBeanMethods = false)
class ErasureAccess {

    @Bean
    AccessRules erasureAccessRules() {
        return AccessRules.of(scope(Scopes.PEOPLE_ADMIN, HttpMethod.GET, "/api/v1/erasures/*"));
    }
}
