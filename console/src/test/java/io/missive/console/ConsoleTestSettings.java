package io.missive.console;

/** The first admin and bootstrap client the console's tests start with. */
public final class ConsoleTestSettings {

    public static final String ADMIN_EMAIL = "admin@missive.test";
    public static final String ADMIN_PASSWORD = "correct horse battery staple";
    public static final String CLIENT_ID = "test-bootstrap";
    public static final String CLIENT_SECRET = "test-bootstrap-secret-0123456789";

    private ConsoleTestSettings() {
    }
}
