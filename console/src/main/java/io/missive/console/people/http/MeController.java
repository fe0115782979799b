package io.missive.console.people.http;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the request is signed in as: a person (by session) or a client (by token), and what it may do. */
@RestController
class MeController {

    record Me(String name, List<String> authorities) {
    }

    @GetMapping("/api/v1/me")
    Me me(Authentication authentication) {
        return new Me(authentication.getName(),
                authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList());
    }
}
