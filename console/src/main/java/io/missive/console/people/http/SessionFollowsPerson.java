package io.missive.console.people.http;

import io.missive.console.people.People;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A person's session follows their account at every request, not only at sign-in: removed, the session ends there
 * (the request goes on unauthenticated, so a page sends them to sign in, which they no longer can, and the API answers
 * 401); given another role, the session carries it from this request on (a demoted admin loses the admin pages, and
 * the tokens the pages send the services lose the admin scopes). It costs one read by primary key per request of a
 * signed-in person, and holds in every instance since the account is in the database. Machines' tokens are left alone:
 * they are checked by signature and live their few minutes (decision 0600).
 */
public final class SessionFollowsPerson extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionFollowsPerson.class);

    private final People people;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    public SessionFollowsPerson(People people) {
        this.people = people;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof UsernamePasswordAuthenticationToken signedIn
                && signedIn.isAuthenticated()) {
            var person = people.find(signedIn.getName());
            if (person.isEmpty()) {
                SecurityContextHolder.clearContext();
                var session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                log.info("event=session_ended reason=person_removed");
            } else if (!authorities(signedIn.getAuthorities()).equals(Set.of(person.get().role().authority()))) {
                var updated = UsernamePasswordAuthenticationToken.authenticated(signedIn.getPrincipal(), null,
                        List.of(new SimpleGrantedAuthority(person.get().role().authority())));
                updated.setDetails(signedIn.getDetails());
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(updated);
                SecurityContextHolder.setContext(context);
                sessions.saveContext(context, request, response);
                log.info("event=session_role_changed role={}", person.get().role());
            }
        }
        chain.doFilter(request, response);
    }

    private static Set<String> authorities(java.util.Collection<? extends GrantedAuthority> granted) {
        return granted.stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    }
}
