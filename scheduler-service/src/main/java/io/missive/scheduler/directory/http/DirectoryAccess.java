package io.missive.scheduler.directory.http;

import static io.missive.schemas.access.AccessRules.scope;

import io.missive.schemas.access.AccessRules;
import io.missive.schemas.access.Scopes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may import the directory. */
@Configuration(proxyBeanMethods = false)
class DirectoryAccess {

    @Bean
    AccessRules directoryAccessRules() {
        return AccessRules.of(scope(Scopes.DIRECTORY_WRITE, HttpMethod.POST, "/api/v1/directory/import"));
    }
}
