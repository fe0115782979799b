package io.missive.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.missive.testkit.RealInfrastructure;
import io.missive.testkit.TestNamespace;
import java.util.HashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Without an admin and without MISSIVE_ADMIN_EMAIL / MISSIVE_ADMIN_PASSWORD nobody could sign in: the console refuses to start. */
@RealInfrastructure
class FirstStartIntegrationTest {

    @Test
    void refusesToStartWithoutAFirstAdminNamingTheVariables(TestNamespace namespace) {
        var properties = new HashMap<String, Object>(namespace.springProperties());
        properties.put("missive.console.signing-key-file", System.getProperty("java.io.tmpdir") + "/missive-console-tests/signing-key.pem");
        var arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);

        var failure = catchThrowable(() -> new SpringApplicationBuilder(ConsoleApplication.class).run(arguments).close());

        assertThat(failure).isNotNull();
        var messages = Stream.iterate(failure, t -> t != null, Throwable::getCause).map(String::valueOf).reduce("", String::concat);
        assertThat(messages).contains("MISSIVE_ADMIN_EMAIL").contains("MISSIVE_ADMIN_PASSWORD");
    }

    @Test
    void refusesToStartWithoutASigningKeyNamingTheVariables(TestNamespace namespace) {
        var properties = new HashMap<String, Object>(namespace.springProperties());
        properties.put("missive.console.admin-email", "a@b.c");
        properties.put("missive.console.admin-password", "long enough password");
        var arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);

        var failure = catchThrowable(() -> new SpringApplicationBuilder(ConsoleApplication.class).run(arguments).close());

        var messages = Stream.iterate(failure, t -> t != null, Throwable::getCause).map(String::valueOf).reduce("", String::concat);
        assertThat(messages).contains("MISSIVE_CONSOLE_SIGNING_KEY").contains("MISSIVE_CONSOLE_SIGNING_KEY_FILE");
    }
}
