package io.missive.gateway.spothit.http;

import static io.missive.schemas.access.AccessRules.open;

import io.missive.schemas.access.AccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** SpotHit's callbacks carry no access token: they check the shared callback secret instead. */
@Configuration(proxyBeanMethods = false)
class SpotHitCallbackAccess {

    @Bean
    AccessRules spotHitCallbackAccessRules() {
        return AccessRules.of(
                open("/spot_hit/**"),
                open(HttpMethod.PUT, "/events/*/update_status"),
                open(HttpMethod.POST, "/events/spot_hit_stop"),
                open(HttpMethod.POST, "/events/spot_hit_response"));
    }
}
