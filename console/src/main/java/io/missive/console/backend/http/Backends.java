package io.missive.console.backend.http;

import io.missive.console.config.ConsoleProperties;
import io.missive.schemas.access.Scopes;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * The console's way to the services. Every call carries an access token the console signs itself (it
 * is the authorization server, so it needs no round trip to its own token endpoint): its subject is
 * the person signed in, so the services record who acted, and its scopes are those of that person's
 * role, so a STAFF member cannot reach through the console what only an ADMIN may do. Tokens live two
 * minutes; one is signed per call (an RS256 signature costs well under a millisecond).
 * Answers are read as plain maps: the pages show them, and a field a service adds needs no change here.
 */
@Component
public class Backends {

    public static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST = new ParameterizedTypeReference<>() {
    };
    private static final List<String> STAFF_SCOPES = List.of(Scopes.PROGRAMS_WRITE, Scopes.PROGRAMS_READ, Scopes.EVENTS_READ);
    private static final List<String> ADMIN_SCOPES = List.of(Scopes.PROGRAMS_WRITE, Scopes.PROGRAMS_READ, Scopes.EVENTS_READ,
            Scopes.GUARD_ADMIN, Scopes.PEOPLE_ADMIN);
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(2);

    private final Map<Service, RestClient> clients;
    private final JwtEncoder tokens;
    private final String issuer;
    private final Clock clock;

    public Backends(BackendProperties properties, ConsoleProperties console, JwtEncoder tokens, Clock clock) {
        var http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        var factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(properties.timeout());
        Function<String, RestClient> client = url -> RestClient.builder().baseUrl(url).requestFactory(factory).build();
        this.clients = Map.of(Service.SCHEDULER, client.apply(properties.scheduler()), Service.TRACKER,
                client.apply(properties.tracker()), Service.GATEWAY, client.apply(properties.gateway()));
        this.tokens = tokens;
        this.issuer = console.issuer();
        this.clock = clock;
    }

    public Map<String, Object> get(Service service, String uri, Object... variables) {
        return call(service, () -> clients.get(service).get().uri(uri, variables).headers(this::bearer).retrieve().body(JSON));
    }

    public List<Map<String, Object>> getList(Service service, String uri, Object... variables) {
        return call(service, () -> clients.get(service).get().uri(uri, variables).headers(this::bearer).retrieve().body(JSON_LIST));
    }

    public Map<String, Object> post(Service service, String uri, @Nullable Object body, Object... variables) {
        return call(service, () -> {
            var request = clients.get(service).post().uri(uri, variables).headers(this::bearer);
            if (body != null) {
                request = request.body(body);
            }
            var answer = request.retrieve().body(JSON);
            return answer == null ? Map.of() : answer;
        });
    }

    public Map<String, Object> delete(Service service, String uri, Object... variables) {
        return call(service, () -> {
            var answer = clients.get(service).delete().uri(uri, variables).headers(this::bearer).retrieve().body(JSON);
            return answer == null ? Map.of() : answer;
        });
    }

    private <T> T call(Service service, java.util.function.Supplier<@Nullable T> call) {
        try {
            var answer = call.get();
            if (answer == null) {
                throw new BackendException(service, 502, null, "réponse vide");
            }
            return answer;
        } catch (RestClientResponseException e) {
            Map<String, Object> problem = null;
            try {
                problem = e.getResponseBodyAs(JSON);
            } catch (RuntimeException notJson) {
                // Not a problem document: the status alone says what happened.
            }
            var detail = problem != null && problem.get("detail") instanceof String d ? d : e.getStatusText();
            var code = problem != null && problem.get("code") instanceof String c ? c : null;
            throw new BackendException(service, e.getStatusCode().value(), code, detail);
        } catch (ResourceAccessException e) {
            throw new BackendException(service, 0, null, "service injoignable");
        }
    }

    private void bearer(HttpHeaders headers) {
        headers.setBearerAuth(token(SecurityContextHolder.getContext().getAuthentication()));
    }

    private String token(@Nullable Authentication person) {
        if (person == null || !person.isAuthenticated()) {
            throw new IllegalStateException("the console calls the services only for someone signed in");
        }
        boolean admin = person.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch("ROLE_ADMIN"::equals);
        var now = clock.instant();
        var claims = JwtClaimsSet.builder().issuer(issuer).subject(person.getName()).issuedAt(now)
                .expiresAt(now.plus(TOKEN_LIFETIME)).claim("scope", admin ? ADMIN_SCOPES : STAFF_SCOPES)
                .claim("client_id", "console").build();
        var header = JwsHeader.with(SignatureAlgorithm.RS256).build();
        return tokens.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
