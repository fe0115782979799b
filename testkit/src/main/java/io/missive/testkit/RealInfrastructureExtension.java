package io.missive.testkit;

import io.missive.schemas.topics.TopicAdmin;
import io.missive.testkit.infra.SharedInfrastructure;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Starts the shared infrastructure and prepares the test class's namespace (database and topics). */
public final class RealInfrastructureExtension implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        namespaceOf(context.getRequiredTestClass());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestNamespace.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return namespaceOf(context.getRequiredTestClass());
    }

    /** The namespace of a test class, created (database, catalog topics) on first use. */
    public static TestNamespace namespaceOf(Class<?> testClass) {
        var namespace = TestNamespace.of(testClass, SharedInfrastructure.get());
        Prepared.ensure(namespace);
        return namespace;
    }

    private static final class Prepared {
        private static final java.util.Set<String> DONE = java.util.concurrent.ConcurrentHashMap.newKeySet();

        static void ensure(TestNamespace namespace) {
            if (DONE.add(namespace.name())) {
                namespace.infrastructure().createDatabase(namespace.database());
                TopicAdmin.createCatalogTopics(namespace.kafkaBootstrapServers(), namespace.topicPrefix(), 3);
            }
        }
    }
}
