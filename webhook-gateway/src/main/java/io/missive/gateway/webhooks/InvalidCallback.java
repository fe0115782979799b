package io.missive.gateway.webhooks;

/** A callback the gateway cannot turn into an event: the provider gets a 400 with this reason. */
public final class InvalidCallback extends RuntimeException {

    public InvalidCallback(String reason) {
        super(reason);
    }
}
