package io.missive.console.clients.http;

import io.missive.console.clients.ApiClients;
import io.missive.console.clients.ApiKeyIssuer;
import io.missive.console.clients.IssuedApiClient;
import io.missive.console.clients.NewApiClient;
import io.missive.schemas.audit.AuditAct;
import io.missive.schemas.audit.AuditTrail;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issuing and revoking an API key, whether through the API or the admin pages: stored and audited in one
 * transaction, so a key the audit trail did not record is neither issued nor revoked (decision 0021).
 */
@Component
public class ApiKeyDesk {

    private final ApiClients clients;
    private final ApiKeyIssuer issuer;
    private final Clock clock;
    private final AuditTrail audit;
    private final TransactionTemplate tx;

    ApiKeyDesk(ApiClients clients, PasswordEncoder passwords, Clock clock, AuditTrail audit, TransactionTemplate tx) {
        this.clients = clients;
        this.issuer = new ApiKeyIssuer(clients, passwords::encode, clock);
        this.clock = clock;
        this.audit = audit;
        this.tx = tx;
    }

    /** @throws IllegalArgumentException when the request is not a valid key (name, scopes, expiry) */
    public IssuedApiClient issue(NewApiClient request, @Nullable String clientId, AuditAct.Caller caller) {
        return Objects.requireNonNull(tx.execute(status -> {
            var made = issuer.issue(request, clientId, caller.actor());
            var client = made.client();
            audit.record(AuditAct.of(caller, "apikey.issue", "apikey:" + client.clientId(), Map.of(
                    "name", client.name(), "scopes", String.join(" ", new TreeSet<>(client.scopes())),
                    "expiresAt", String.valueOf(client.expiresAt()))));
            return made;
        }));
    }

    /** @return false when there is no such key, or it was already revoked (nothing recorded then) */
    public boolean revoke(String clientId, AuditAct.Caller caller) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            if (!clients.revoke(clientId, clock.instant())) {
                return false;
            }
            audit.record(AuditAct.of(caller, "apikey.revoke", "apikey:" + clientId, Map.of()));
            return true;
        }));
    }
}
