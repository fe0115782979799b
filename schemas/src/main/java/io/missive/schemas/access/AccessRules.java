package io.missive.schemas.access;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;

/**
 * Part of a service's access policy: which requests are open and which scope each staff endpoint
 * needs. A service declares one bean per capability (next to its controller); the resource server
 * applies them all, in declaration order, before its own rules. A request no rule names is refused.
 */
public record AccessRules(List<Rule> rules) {

    public AccessRules {
        rules = List.copyOf(rules);
    }

    public static AccessRules of(Rule... rules) {
        return new AccessRules(List.of(rules));
    }

    /** Open to anyone: a provider webhook (it checks its own token) or a parent's tracked link. */
    public static Rule open(String pattern) {
        return new Rule(null, pattern, new Open());
    }

    public static Rule open(HttpMethod method, String pattern) {
        return new Rule(method, pattern, new Open());
    }

    /** Needs an access token carrying {@code scope}. */
    public static Rule scope(String scope, HttpMethod method, String pattern) {
        return new Rule(method, pattern, new Scoped(scope));
    }

    /** What a request needs. */
    public sealed interface Access permits Open, Scoped {
    }

    public record Open() implements Access {
    }

    public record Scoped(String scope) implements Access {
        public Scoped {
            if (!Scopes.ALL.contains(scope)) {
                throw new IllegalArgumentException("unknown scope " + scope + "; the scopes are " + Scopes.ALL);
            }
        }
    }

    /**
     * @param method  the HTTP method, or {@code null} for every method
     * @param pattern a Spring path pattern ({@code /api/v1/programs/**})
     */
    public record Rule(@Nullable HttpMethod method, String pattern, Access access) {
    }
}
