package io.missive.simulators;

/**
 * The provider credentials and webhook tokens the local stack and the simulators agree on. The
 * defaults are development strings (the SpotHit callback secret is random); each can be overridden
 * by its production variable's name.
 */
public record DevSecrets(String spotHitApiKey, String aircallApiId, String aircallApiToken,
                         String aircallMessageToken, String aircallCallToken, String aircallStatusToken,
                         String aircallInsightCardsToken, String spotHitCallbackSecret) {

    /** Generated once per launcher: the gateway and the simulator's callback URLs share it. */
    private static final String CALLBACK_SECRET = java.util.HexFormat.of().formatHex(randomBytes());

    public static DevSecrets defaults() {
        return new DevSecrets("devstack-spothit-key", "devstack-aircall-id", "devstack-aircall-token",
                "devstack-aircall-message-token", "devstack-aircall-call-token", "devstack-aircall-status-token",
                "devstack-aircall-insight-cards-token", CALLBACK_SECRET);
    }

    private static byte[] randomBytes() {
        var bytes = new byte[16];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** The defaults, each replaced by its environment variable when set. */
    public static DevSecrets fromEnvironment() {
        var d = defaults();
        return new DevSecrets(env("SPOT_HIT_API_KEY", d.spotHitApiKey()), env("AIRCALL_API_ID", d.aircallApiId()),
                env("AIRCALL_API_TOKEN", d.aircallApiToken()), env("AIRCALL_WEBHOOK_MESSAGE_TOKEN", d.aircallMessageToken()),
                env("AIRCALL_WEBHOOK_CALL_TOKEN", d.aircallCallToken()),
                env("AIRCALL_WEBHOOK_EVENT_MESSAGE_STATUS_UPDATED_TOKEN", d.aircallStatusToken()),
                env("AIRCALL_WEBHOOK_INSIGHT_CARDS_TOKEN", d.aircallInsightCardsToken()),
                env("SPOT_HIT_CALLBACK_SECRET", d.spotHitCallbackSecret()));
    }

    private static String env(String name, String fallback) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
