package io.missive.schemas.access;

import java.util.List;

/**
 * The scopes an access token may carry (the {@code scope} claim of the console's JWTs). Each staff
 * endpoint needs exactly one of them; see {@link AccessRules}.
 */
public final class Scopes {

    /** Program and cancel campaigns. */
    public static final String PROGRAMS_WRITE = "programs:write";
    /** Read campaigns as the scheduler holds them. */
    public static final String PROGRAMS_READ = "programs:read";
    /** Read the Events store: messages, campaigns' counts, replies, dispatch records. */
    public static final String EVENTS_READ = "events:read";
    /** Import or change the directory (parents, children, groups…). */
    public static final String DIRECTORY_WRITE = "directory:write";
    /** Allow- and block-lists, relaunch or dismiss blocked attempts. */
    public static final String GUARD_ADMIN = "guard:admin";
    /** Users, API keys and the audit trail. */
    public static final String PEOPLE_ADMIN = "people:admin";
    /** Operations: {@code /actuator/prometheus} (and other actuator endpoints) and {@code /v3/api-docs}. */
    public static final String OPS_READ = "ops:read";

    public static final List<String> ALL = List.of(PROGRAMS_WRITE, PROGRAMS_READ, EVENTS_READ, DIRECTORY_WRITE,
            GUARD_ADMIN, PEOPLE_ADMIN, OPS_READ);

    /** The Spring Security authority a scope becomes ({@code SCOPE_} prefix, as the resource server maps it). */
    public static String authority(String scope) {
        return "SCOPE_" + scope;
    }

    private Scopes() {
    }
}
