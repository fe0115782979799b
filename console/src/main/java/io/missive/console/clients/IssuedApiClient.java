package io.missive.console.clients;

/** A new API key: the only moment its secret exists in clear. */
public record IssuedApiClient(ApiClient client, String clientSecret) {

    @Override
    public String toString() {
        return "IssuedApiClient[" + client + ", clientSecret=****]";
    }
}
