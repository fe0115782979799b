package io.missive.gateway.webhooks;

/** A callback whose token or shared secret is missing or wrong: 401, nothing published. */
public final class RejectedCredentials extends RuntimeException {

    private final String endpoint;

    public RejectedCredentials(String endpoint) {
        super("missing or wrong credentials for " + endpoint);
        this.endpoint = endpoint;
    }

    public String endpoint() {
        return endpoint;
    }
}
