package io.missive.console.people;

/** What a person may do: STAFF programs, cancels and reads; ADMIN also manages people, API keys and guard lists. */
public enum Role {
    STAFF,
    ADMIN
}
