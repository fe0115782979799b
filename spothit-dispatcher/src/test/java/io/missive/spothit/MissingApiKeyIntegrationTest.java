package io.missive.spothit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import java.util.HashMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Without SPOT_HIT_API_KEY the dispatcher refuses to start and says which variable to set. */
@RealInfrastructure
class MissingApiKeyIntegrationTest {

    @Test
    void refusesToStartWithoutTheApiKeyAndNamesTheVariable(TestNamespace namespace) {
        var properties = new HashMap<String, Object>(namespace.springProperties());
        properties.put("spothit.api-key", "");

        assertThatThrownBy(() -> new SpringApplicationBuilder(SpotHitDispatcherApplication.class)
                .run(CrashRecoveryIntegrationTest.asArguments(properties)).close())
                .rootCause().hasMessageContaining("SPOT_HIT_API_KEY");
    }
}
