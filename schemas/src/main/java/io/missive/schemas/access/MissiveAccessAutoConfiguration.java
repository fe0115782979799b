package io.missive.schemas.access;

import jakarta.servlet.DispatcherType;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Every Missive service is an OAuth2 resource server of the console: staff endpoints need a JWT the
 * console signed, carrying the scope the service's {@link AccessRules} name. No token (or a bad one)
 * is 401, the wrong scope 403, both as problem details. Open without a token: {@code /actuator/health}
 * (probes) and what a service's rules declare open (provider webhooks, tracked links). Prometheus,
 * the other actuator endpoints and {@code /v3/api-docs} need {@link Scopes#OPS_READ} (decision 0020).
 * Anything no rule names is refused, so a new endpoint is closed until someone gives it a scope.
 * A service that builds its own {@link SecurityFilterChain} (the console) replaces all of this.
 *
 * <p>Spring Security's observations are off: they wrapped every filter of the chain in an observation per
 * request; the request's own timer ({@code http.server.requests}) stays.
 */
@AutoConfiguration(before = {ServletWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class,
        OAuth2ResourceServerWebSecurityAutoConfiguration.class})
@ConditionalOnClass({SecurityFilterChain.class, JwtDecoder.class, DefaultBearerTokenResolver.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(AccessProperties.class)
@EnableWebSecurity
public class MissiveAccessAutoConfiguration {

    /** Open to everyone in every service: the probes. */
    static final List<AccessRules.Rule> ALWAYS_OPEN = List.of(
            AccessRules.open(HttpMethod.GET, "/actuator/health"),
            AccessRules.open(HttpMethod.GET, "/actuator/health/**"));

    /** Operations: metrics and the API document, for Prometheus and people who read the API. */
    static final List<AccessRules.Rule> OPERATIONS = List.of(
            AccessRules.scope(Scopes.OPS_READ, HttpMethod.GET, "/actuator/**"),
            AccessRules.scope(Scopes.OPS_READ, HttpMethod.GET, "/v3/api-docs"),
            AccessRules.scope(Scopes.OPS_READ, HttpMethod.GET, "/v3/api-docs/**"));

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder missiveJwtDecoder(AccessProperties properties) {
        NimbusJwtDecoder decoder;
        if (properties.publicKey() != null) {
            decoder = NimbusJwtDecoder.withPublicKey(PublicKeys.parse(properties.publicKey())).build();
        } else if (properties.jwkSetUri() != null) {
            // Fetched at the first token, not at start-up: the console need not be up first.
            decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri().toString()).build();
        } else {
            throw new IllegalStateException("No key to check access tokens: set MISSIVE_JWT_PUBLIC_KEY (the console's "
                    + "public key, PEM) or MISSIVE_JWK_SET_URI (the console's /oauth2/jwks)");
        }
        decoder.setJwtValidator(properties.issuer() == null ? JwtValidators.createDefault()
                : new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(properties.issuer())));
        return decoder;
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings missiveSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain missiveResourceServer(HttpSecurity http, ObjectProvider<AccessRules> serviceRules) throws Exception {
        var rules = policy(serviceRules);
        var problems = new AccessProblems();
        var tokens = new DefaultBearerTokenResolver();
        // Open as the rules decide it, the first that matches: a scoped route declared before a wider open one keeps its token.
        RequestMatcher open = firstRuleIsOpen(rules);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .anonymous(Customizer.withDefaults())
                .authorizeHttpRequests(requests -> {
                    // An error page rendered for a request that already passed (or was open).
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    for (var rule : rules) {
                        var matcher = requests.requestMatchers(matcher(rule));
                        switch (rule.access()) {
                            case AccessRules.Open ignored -> matcher.permitAll();
                            case AccessRules.Scoped scoped -> matcher.hasAuthority(Scopes.authority(scoped.scope()));
                        }
                    }
                    requests.anyRequest().denyAll();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(Customizer.withDefaults())
                        // A webhook that happens to carry an Authorization header is not ours to judge.
                        .bearerTokenResolver(request -> open.matches(request) ? null : tokens.resolve(request))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /** Every rule in the order they are tried: the probes, the service's own, then operations. */
    static List<AccessRules.Rule> policy(ObjectProvider<AccessRules> serviceRules) {
        var rules = new ArrayList<AccessRules.Rule>(ALWAYS_OPEN);
        serviceRules.orderedStream().forEach(r -> rules.addAll(r.rules()));
        rules.addAll(OPERATIONS);
        return List.copyOf(rules);
    }

    /** A request whose first matching rule (in the order they are tried) is open, as the resource server would decide. */
    static RequestMatcher firstRuleIsOpen(List<AccessRules.Rule> rules) {
        var matchers = rules.stream().map(MissiveAccessAutoConfiguration::matcher).toList();
        return request -> {
            for (int i = 0; i < matchers.size(); i++) {
                if (matchers.get(i).matches(request)) {
                    return rules.get(i).access() instanceof AccessRules.Open;
                }
            }
            return false;
        };
    }

    static RequestMatcher matcher(AccessRules.Rule rule) {
        return PathPatternRequestMatcher.withDefaults().matcher(rule.method(), rule.pattern());
    }
}
