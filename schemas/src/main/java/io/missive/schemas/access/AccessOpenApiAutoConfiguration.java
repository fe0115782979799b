package io.missive.schemas.access;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Optional;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Writes each operation's access into the service's OpenAPI document, from the same rules the
 * resource server enforces: a bearer requirement with the scope, and {@code x-missive-access}
 * ({@code open} or the scope). An operation no rule names gets neither, which the access test in
 * the testkit reports, so a new endpoint cannot go undocumented or be forgotten.
 */
@AutoConfiguration(after = MissiveAccessAutoConfiguration.class)
@ConditionalOnClass({OpenApiCustomizer.class, org.springframework.security.web.SecurityFilterChain.class})
public class AccessOpenApiAutoConfiguration {

    /** The extension naming an operation's access. */
    public static final String EXTENSION = "x-missive-access";
    static final String SCHEME = "console-token";

    @Bean
    OpenApiCustomizer missiveAccessDocumentation(ObjectProvider<AccessRules> serviceRules) {
        return openApi -> document(openApi, MissiveAccessAutoConfiguration.policy(serviceRules));
    }

    static void document(OpenAPI openApi, List<AccessRules.Rule> rules) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("JWT")
                .description("An access token from the console (OAuth2 client credentials at /oauth2/token)"));
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            var access = ruleFor(rules, HttpMethod.valueOf(method.name()), path).map(AccessRules.Rule::access);
            access.ifPresent(a -> {
                switch (a) {
                    case AccessRules.Open ignored -> operation.addExtension(EXTENSION, "open");
                    case AccessRules.Scoped scoped -> {
                        operation.addExtension(EXTENSION, scoped.scope());
                        operation.addSecurityItem(new SecurityRequirement().addList(SCHEME, scoped.scope()));
                    }
                }
            });
        }));
    }

    static Optional<AccessRules.Rule> ruleFor(List<AccessRules.Rule> rules, HttpMethod method, String path) {
        var container = PathContainer.parsePath(path);
        return rules.stream()
                .filter(rule -> rule.method() == null || rule.method().equals(method))
                .filter(rule -> PathPatternParser.defaultInstance.parse(rule.pattern()).matches(container))
                .findFirst();
    }
}
