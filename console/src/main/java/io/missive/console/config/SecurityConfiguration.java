package io.missive.console.config;

import io.missive.console.people.Lockout;
import io.missive.console.people.People;
import io.missive.console.people.http.LockingSignIn;
import io.missive.console.people.http.SessionFollowsPerson;
import io.missive.schemas.access.AccessProblems;
import io.missive.schemas.access.Scopes;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Three ways in. The authorization server's endpoints ({@code /oauth2/token}, {@code /oauth2/jwks}…)
 * for machines; the console's REST API ({@code /api/**}) and actuator for a signed-in person or an
 * access token, refusing with problem details; everything else for people, through the sign-in form.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    private static final RequestMatcher BEARER = request -> {
        var header = request.getHeader(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    };

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** {@code {bcrypt}} for new hashes; any algorithm Spring Security knows for old ones. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The one way people sign in, as a bean: the global authentication manager every chain falls back
     * on (registered in a chain too, it would count each failure twice), and no default user.
     */
    @Bean
    LockingSignIn signIn(People people, PasswordEncoder passwords, ConsoleProperties properties, Clock clock) {
        var lockout = properties.lockout();
        return new LockingSignIn(people, passwords, lockout.firstDelay() == null ? new Lockout(lockout.failures(), lockout.duration())
                : new Lockout(lockout.failures(), lockout.duration(), lockout.firstDelay()), clock);
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> http.securityMatcher(server.getEndpointsMatcher()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(new AccessProblems()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, People people) throws Exception {
        var problems = new AccessProblems();
        http.securityMatcher("/api/**", "/actuator/**")
                .addFilterBefore(new SessionFollowsPerson(people), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasAuthority(Scopes.authority(Scopes.OPS_READ))
                        .requestMatchers("/api/v1/me").authenticated()
                        .requestMatchers("/api/v1/clients", "/api/v1/clients/**")
                        .hasAnyAuthority("ROLE_ADMIN", Scopes.authority(Scopes.PEOPLE_ADMIN))
                        .anyRequest().denyAll())
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // A token is not a cookie: requests bearing one cannot be forged cross-site.
                .csrf(csrf -> csrf.ignoringRequestMatchers(BEARER))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * The people's pages. Sign-in is the console's own page; admin pages need ADMIN; every response
     * carries a strict Content-Security-Policy (no inline script or style: htmx is configured by a meta
     * tag and the console's own script is a static file); every form carries a CSRF token (Spring
     * Security's default, which Thymeleaf adds to each {@code th:action} form). An expired session
     * sends the person back to sign in, and says so; an htmx request is told to by {@code HX-Redirect}
     * (a redirect would be followed by the browser and the sign-in page swapped into the fragment). A session
     * follows its person's account at every request ({@link SessionFollowsPerson}): removed, it ends; demoted, the
     * admin pages close.
     */
    @Bean
    @Order(3)
    SecurityFilterChain people(HttpSecurity http, People people) throws Exception {
        var signIn = new SignInRedirect();
        http.addFilterBefore(new SessionFollowsPerson(people), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/favicon.ico").permitAll()
                        .requestMatchers("/admin/**", "/garde/**").hasRole("ADMIN")
                        .requestMatchers(org.springframework.http.HttpMethod.POST, "/desinscriptions/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").usernameParameter("email").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?deconnecte").deleteCookies("JSESSIONID"))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(signIn))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId())
                        .invalidSessionStrategy(signIn))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** Nothing from elsewhere, nothing inline: an injected {@code <script>} or {@code onerror=} cannot run. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
}
