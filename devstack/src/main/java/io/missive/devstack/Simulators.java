package io.missive.devstack;

/**
 * The SpotHit and Aircall simulators, in this process, wired to the webhook gateway as the real
 * providers would call it.
 */
public final class Simulators implements AutoCloseable {

    private final StackConfig config;

    private Simulators(StackConfig config) {
        this.config = config;
    }

    static Simulators start(StackConfig config) {
        return new Simulators(config);
    }

    public String spotHitUrl() {
        return "http://localhost:" + config.spotHitSimulatorPort();
    }

    public String aircallUrl() {
        return "http://localhost:" + config.aircallSimulatorPort();
    }

    @Override
    public void close() {
    }
}
