package io.missive.console.pages.http;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in and sign-out pages (their forms post to Spring Security's {@code /login} and {@code /logout}). */
@Controller
class SignInController {

    @GetMapping("/login")
    String signIn() {
        return "login";
    }

    /** Signing out is a POST (with its CSRF token); this page asks for it. */
    @GetMapping("/logout")
    String signOut() {
        return "logout";
    }
}
