package io.missive.tracker.audit.http;

import static io.missive.schemas.access.AccessRules.scope;

import io.missive.schemas.access.AccessRules;
import io.missive.schemas.access.Scopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** The audit trail is for admins: the scope that also governs people and API keys (decision 0020). */
@Configuration(proxyBeanMethods = false)
class AuditAccess {

    @Bean
    AccessRules auditAccessRules() {
        return AccessRules.of(scope(Scopes.PEOPLE_ADMIN, HttpMethod.GET, "/api/v1/audit"));
    }
}
