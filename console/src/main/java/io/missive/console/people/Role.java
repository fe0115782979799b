package io.missive.console.people;

/** What a person may do: STAFF programs, cancels and reads; ADMIN also manages people, API keys and guard lists. */
public enum Role {
    STAFF,
    ADMIN;

    /** The authority a signed-in person of this role holds ({@code ROLE_ADMIN}), as Spring Security names it. */
    public String authority() {
        return "ROLE_" + name();
    }
}
