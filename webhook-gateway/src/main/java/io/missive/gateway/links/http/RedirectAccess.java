package io.missive.gateway.links.http;

import static io.missive.schemas.access.AccessRules.open;

import io.missive.schemas.access.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** A tracked link is clicked by a parent, who has no token. */
@Configuration(proxyBeanMethods = false)
class RedirectAccess {

    @Bean
    AccessRules redirectAccessRules() {
        return AccessRules.of(open(HttpMethod.GET, "/r/**"), open(HttpMethod.HEAD, "/r/**"));
    }
}
