package io.missive.scheduler.directory.http;

import static io.missive.schemas.access.AccessRules.scope;

import io.missive.schemas.access.AccessRules;
import io.missive.schemas.access.Scopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may import the directory, read which variables it declares, and search it by name. */
@Configuration(proxyBeanMethods = false)
class DirectoryAccess {

    @Bean
    AccessRules directoryAccessRules() {
        return AccessRules.of(scope(Scopes.DIRECTORY_WRITE, HttpMethod.POST, "/api/v1/directory/import"),
                scope(Scopes.PROGRAMS_READ, HttpMethod.GET, "/api/v1/variables"),
                // The pickers serve those who compose: names of parents and children, as the preview already shows them.
                scope(Scopes.PROGRAMS_WRITE, HttpMethod.GET, "/api/v1/directory/search"));
    }
}
