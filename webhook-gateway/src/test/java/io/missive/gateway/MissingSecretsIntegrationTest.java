package io.missive.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import java.util.HashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Without its Aircall webhook tokens or its SpotHit callback secret the gateway refuses to start, and says which variable is missing. */
@RealInfrastructure
class MissingSecretsIntegrationTest {

    @Test
    void refusesToStartWithoutTheAircallTokensNamingTheVariables(TestNamespace namespace) {
        var properties = new HashMap<String, Object>(namespace.springProperties());
        properties.put("missive.gateway.aircall.call-token", "set-but-not-the-others");

        // as command-line arguments, which outrank application.yml (default properties would not)
        var arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);

        var failure = catchThrowable(() -> new SpringApplicationBuilder(WebhookGatewayApplication.class).run(arguments).close());

        assertThat(failure).isNotNull();
        var messages = Stream.iterate(failure, t -> t != null, Throwable::getCause)
                .map(String::valueOf)
                .reduce("", String::concat);
        assertThat(messages)
                .contains("AIRCALL_WEBHOOK_MESSAGE_TOKEN")
                .contains("AIRCALL_WEBHOOK_EVENT_MESSAGE_STATUS_UPDATED_TOKEN")
                .doesNotContain("AIRCALL_WEBHOOK_CALL_TOKEN")
                .doesNotContain("set-but-not-the-others");
    }

    @Test
    void refusesToStartWithoutTheSpotHitCallbackSecretNamingTheVariable(TestNamespace namespace) {
        var properties = new HashMap<String, Object>(namespace.springProperties());
        properties.put("missive.gateway.aircall.message-token", "m");
        properties.put("missive.gateway.aircall.call-token", "c");
        properties.put("missive.gateway.aircall.event-message-status-updated-token", "s");
        // empty, over the test configuration's secret, as an unset SPOT_HIT_CALLBACK_SECRET leaves it
        properties.put("missive.gateway.spothit.shared-secret", "");
        var arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);

        var failure = catchThrowable(() -> new SpringApplicationBuilder(WebhookGatewayApplication.class).run(arguments).close());

        assertThat(failure).isNotNull();
        var messages = Stream.iterate(failure, t -> t != null, Throwable::getCause).map(String::valueOf).reduce("", String::concat);
        assertThat(messages).contains("SPOT_HIT_CALLBACK_SECRET");
    }
}
