package io.missive.gateway.aircall.http;

import static io.missive.schemas.access.AccessRules.open;

import io.missive.schemas.access.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Aircall's webhooks carry no access token: each checks its own Aircall token. */
@Configuration(proxyBeanMethods = false)
class AircallWebhookAccess {

    @Bean
    AccessRules aircallWebhookAccessRules() {
        return AccessRules.of(open("/aircall/**"));
    }
}
