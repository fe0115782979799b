package io.missive.scheduler.guard.http;

import static io.missive.schemas.access.AccessRules.scope;

import io.missive.schemas.access.AccessRules;
import io.missive.schemas.access.Scopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may read and decide held attempts and change the allow- and block-lists: guard admins. */
@Configuration(proxyBeanMethods = false)
class GuardAccess {

    @Bean
    AccessRules guardAccessRules() {
        return AccessRules.of(
                scope(Scopes.GUARD_ADMIN, HttpMethod.GET, "/api/v1/guard/**"),
                scope(Scopes.GUARD_ADMIN, HttpMethod.POST, "/api/v1/guard/**"),
                scope(Scopes.GUARD_ADMIN, HttpMethod.DELETE, "/api/v1/guard/**"));
    }
}
