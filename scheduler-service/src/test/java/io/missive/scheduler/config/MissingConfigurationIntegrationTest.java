package io.missive.scheduler.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.missive.scheduler.SchedulerApplication;
import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import java.util.ArrayList;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Without a public base URL for tracked links the service refuses to start, and says which variable to set. */
@RealInfrastructure
class MissingConfigurationIntegrationTest {

    @Test
    void refusesToStartWithoutPublicBaseUrl(TestNamespace namespace) {
        var args = new ArrayList<String>();
        namespace.springProperties().forEach((key, value) -> args.add("--" + key + "=" + value));
        args.add("--PUBLIC_BASE_URL=");
        assertThatThrownBy(() -> new SpringApplicationBuilder(SchedulerApplication.class).run(args.toArray(String[]::new)).close())
                .satisfies(e -> Assertions.assertThat(stackText(e)).contains("PUBLIC_BASE_URL"));
    }

    private static String stackText(Throwable e) {
        var text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }
}
