package io.missive.spothit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.missive.spothit.dispatch.Safeguard;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** What the dispatcher insists on, and defaults to, when it starts. */
@RealInfrastructure
class StartupConfigurationIntegrationTest {

    @Test
    void refusesToStartWithoutTheApiKeyAndNamesTheVariable(TestNamespace namespace) {
        var properties = new HashMap<String, Object>(namespace.springProperties());
        properties.put("missive.spothit.api-key", "");

        assertThatThrownBy(() -> new SpringApplicationBuilder(SpotHitDispatcherApplication.class)
                .run(CrashRecoveryIntegrationTest.asArguments(properties)).close())
                .rootCause().hasMessageContaining("SPOT_HIT_API_KEY");
    }

    @Test
    void theSafeguardIsOnByDefaultInTheLocalProfile(TestNamespace namespace) {
        Map<String, Object> properties = new HashMap<>(namespace.springProperties());
        properties.put("missive.spothit.api-key", "local-key");
        properties.put("missive.spothit.safe-phone-numbers", "+33600000001");

        try (var context = new SpringApplicationBuilder(SpotHitDispatcherApplication.class).profiles("local")
                .run(CrashRecoveryIntegrationTest.asArguments(properties))) {
            var safeguard = context.getBean(Safeguard.class);
            assertThat(safeguard.enabled()).isTrue();
            assertThat(safeguard.allows("+33600000001")).isTrue();
            assertThat(safeguard.allows("+33600000002")).isFalse();
        }
    }
}
