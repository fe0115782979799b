package io.missive.gateway.optouts.http;

import static io.missive.schemas.access.AccessRules.scope;

import io.missive.schemas.access.AccessRules;
import io.missive.schemas.access.Scopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Opting a phone back in is an administrator's act (issue 20: ADMIN also opts in). */
@Configuration(proxyBeanMethods = false)
class OptOutAccess {

    @Bean
    AccessRules optOutAccessRules() {
        return AccessRules.of(scope(Scopes.PEOPLE_ADMIN, HttpMethod.POST, "/api/v1/optouts/*/revoke"));
    }
}
