package io.missive.testkit;

import java.util.List;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.TestPropertySourceUtils;

/** Points a Spring test context at its class's {@link TestNamespace} when the class is {@link RealInfrastructure}. */
public final class RealInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        if (!TestContextAnnotationUtils.hasAnnotation(testClass, RealInfrastructure.class)) {
            return null;
        }
        return new NamespaceCustomizer(testClass);
    }

    private record NamespaceCustomizer(Class<?> testClass) implements ContextCustomizer {
        @Override
        public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
                                     org.springframework.test.context.MergedContextConfiguration mergedConfig) {
            var namespace = RealInfrastructureExtension.namespaceOf(testClass);
            // Above the application's own configuration, below a test's inlined properties.
            var sources = context.getEnvironment().getPropertySources();
            var source = new MapPropertySource("missive-test-namespace", namespace.springProperties());
            var inlined = TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME;
            if (sources.contains(inlined)) {
                sources.addAfter(inlined, source);
            } else {
                sources.addFirst(source);
            }
        }
    }
}
