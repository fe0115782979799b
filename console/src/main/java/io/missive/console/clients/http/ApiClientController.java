package io.missive.console.clients.http;

import io.missive.console.clients.ApiClient;
import io.missive.console.clients.ApiClients;
import io.missive.console.clients.ApiKeyIssuer;
import io.missive.console.clients.IssuedApiClient;
import io.missive.console.clients.NewApiClient;
import io.missive.schemas.audit.AuditAct;
import io.missive.schemas.audit.AuditTrail;
import io.missive.schemas.audit.HttpCaller;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** API keys for admins: list, issue (the secret is in this one reply only), revoke. */
@RestController
@RequestMapping("/api/v1/clients")
class ApiClientController {

    private final ApiClients clients;
    private final ApiKeyIssuer issuer;
    private final Clock clock;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    ApiClientController(ApiClients clients, PasswordEncoder passwords, Clock clock, AuditTrail audit, TransactionTemplate tx) {
        this.clients = clients;
        this.issuer = new ApiKeyIssuer(clients, passwords::encode, clock);
        this.clock = clock;
        this.audit = audit;
        this.tx = tx;
    }

    /** {@code clientId} is optional: a random one is made when absent. */
    record IssueRequest(@Nullable String clientId, @Nullable String name, @Nullable Set<String> scopes, @Nullable Instant expiresAt) {
    }

    @GetMapping
    List<ApiClient> list() {
        return clients.all();
    }

    @PostMapping
    ResponseEntity<IssuedApiClient> issue(@RequestBody IssueRequest request, Principal by, HttpServletRequest http) {
        // Stored and audited in one transaction: a key the audit trail did not record is not issued (decision 0021).
        var issued = Objects.requireNonNull(tx.execute(status -> {
            var made = issuer.issue(new NewApiClient(request.name(), request.scopes(), request.expiresAt()), request.clientId(),
                    by.getName());
            var client = made.client();
            audit.record(AuditAct.of(HttpCaller.of(http), "apikey.issue", "apikey:" + client.clientId(), Map.of(
                    "name", client.name(), "scopes", String.join(" ", new TreeSet<>(client.scopes())),
                    "expiresAt", String.valueOf(client.expiresAt()))));
            return made;
        }));
        return ResponseEntity.status(HttpStatus.CREATED).body(issued);
    }

    @DeleteMapping("/{clientId}")
    ResponseEntity<?> revoke(@PathVariable String clientId, HttpServletRequest http) {
        boolean revoked = Boolean.TRUE.equals(tx.execute(status -> {
            if (!clients.revoke(clientId, clock.instant())) {
                return false;
            }
            audit.record(AuditAct.of(HttpCaller.of(http), "apikey.revoke", "apikey:" + clientId, Map.of()));
            return true;
        }));
        if (revoked) {
            return ResponseEntity.noContent().build();
        }
        return ResponseEntity.of(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "no API client " + clientId + " that is not already revoked")).build();
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
