package io.missive.console.config;

import io.missive.console.clients.ApiClients;
import io.missive.console.clients.ApiKeyIssuer;
import io.missive.console.clients.NewApiClient;
import io.missive.console.people.People;
import io.missive.console.people.Role;
import io.missive.schemas.access.Scopes;
import io.missive.schemas.audit.AuditAct;
import io.missive.schemas.audit.AuditTrail;
import java.util.HashSet;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The first admin, from {@code MISSIVE_ADMIN_EMAIL} / {@code MISSIVE_ADMIN_PASSWORD}: without an admin
 * and without them, nobody could ever sign in, so the console refuses to start, naming them. And, when
 * configured, a bootstrap API client with every scope (the devstack's own). Both are audited like any other person
 * or key (decision 0021), the actor being the variable that asked for them and {@code from} the environment; the
 * entry goes first, so a start that cannot record it makes nothing and fails.
 */
@Component
class FirstStart implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);
    /** Where a person or key asked for by configuration comes from, in the audit trail. */
    private static final String ENVIRONMENT = "environment";

    private final People people;
    private final ApiClients clients;
    private final PasswordEncoder passwords;
    private final ConsoleProperties properties;
    private final java.time.Clock clock;
    private final AuditTrail audit;

    FirstStart(People people, ApiClients clients, PasswordEncoder passwords, ConsoleProperties properties, java.time.Clock clock,
               AuditTrail audit) {
        this.people = people;
        this.clients = clients;
        this.passwords = passwords;
        this.properties = properties;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!people.anyAdmin()) {
            if (properties.adminEmail() == null || properties.adminPassword() == null) {
                throw new IllegalStateException("No admin yet: set MISSIVE_ADMIN_EMAIL and MISSIVE_ADMIN_PASSWORD for the first start");
            }
            if (properties.adminPassword().length() < 12) {
                throw new IllegalStateException("MISSIVE_ADMIN_PASSWORD must have at least 12 characters");
            }
            audit.record(AuditAct.of(new AuditAct.Caller("MISSIVE_ADMIN_EMAIL", ENVIRONMENT), "user.add",
                    "user:" + properties.adminEmail(), Map.of("role", Role.ADMIN.name())));
            people.add(properties.adminEmail(), passwords.encode(properties.adminPassword()), Role.ADMIN, "MISSIVE_ADMIN_EMAIL");
            log.info("first admin created email={}", properties.adminEmail());
        }
        var id = properties.bootstrapClientId();
        var secret = properties.bootstrapClientSecret();
        if (id != null && secret != null && clients.find(id).isEmpty()) {
            audit.record(AuditAct.of(new AuditAct.Caller("MISSIVE_BOOTSTRAP_CLIENT_ID", ENVIRONMENT), "apikey.issue",
                    "apikey:" + id, Map.of("name", "bootstrap (" + id + ")", "scopes", "all")));
            new ApiKeyIssuer(clients, passwords::encode, clock)
                    .issue(id, secret, new NewApiClient("bootstrap (" + id + ")", new HashSet<>(Scopes.ALL), null), "MISSIVE_BOOTSTRAP_CLIENT_ID");
            log.info("bootstrap API client created clientId={}", id);
        }
    }
}
