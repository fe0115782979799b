package io.missive.scheduler.erasure.http;

import static io.missive.schemas.access.AccessRules.scope;

import io.missive.schemas.access.AccessRules;
import io.missive.schemas.access.Scopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Erasing a parent is an administrator's act (people:admin), not a directory sync's (directory:write): it cannot be
 * undone and reaches every service (docs/decisions/0022).
 */
@Configuration(proxyBeanMethods = false)
class ParentErasureAccess {

    @Bean
    AccessRules parentErasureAccessRules() {
        return AccessRules.of(scope(Scopes.PEOPLE_ADMIN, HttpMethod.DELETE, "/api/v1/parents/*"));
    }
}
