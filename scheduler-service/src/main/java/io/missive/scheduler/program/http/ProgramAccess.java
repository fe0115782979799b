package io.missive.scheduler.program.http;

import static io.missive.schemas.access.AccessRules.scope;

import io.missive.schemas.access.AccessRules;
import io.missive.schemas.access.Scopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may program, read and cancel campaigns. */
@Configuration(proxyBeanMethods = false)
class ProgramAccess {

    @Bean
    AccessRules programAccessRules() {
        return AccessRules.of(
                scope(Scopes.PROGRAMS_WRITE, HttpMethod.POST, "/api/v1/programs"),
                // The dry run is for those who may program: it reads the whole directory's names behind a selection.
                scope(Scopes.PROGRAMS_WRITE, HttpMethod.POST, "/api/v1/programs/preview"),
                scope(Scopes.PROGRAMS_READ, HttpMethod.GET, "/api/v1/programs/*"),
                scope(Scopes.PROGRAMS_WRITE, HttpMethod.DELETE, "/api/v1/programs/*"));
    }
}
