package io.missive.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Gives a test class the real Kafka broker and PostgreSQL, in a namespace of its own (topics,
 * database, consumer groups). On a {@code @SpringBootTest} it also points the application at them;
 * a test method may take a {@link TestNamespace} parameter. The Spring context is closed after the
 * class, so its listeners do not keep running beside the next class's.
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RealInfrastructureExtension.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public @interface RealInfrastructure {
}
