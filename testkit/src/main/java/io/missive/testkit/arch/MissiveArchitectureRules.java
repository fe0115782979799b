package io.missive.testkit.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The architecture every service inherits (include with {@code ArchTests.in(MissiveArchitectureRules.class)}
 * from a test that analyses the service's own classes):
 * <ul>
 *   <li>the domain core is plain Java: only the adapter packages ({@code ..kafka..}, {@code ..http..},
 *       {@code ..jdbc..}, {@code ..config..}) and the application class touch Spring, Kafka, JDBC or Jackson;</li>
 *   <li>a service's classes use no other service's classes and nothing from the testkit: they share only
 *       {@code schemas};</li>
 *   <li>the capability packages of a service form no cycle.</li>
 * </ul>
 */
public final class MissiveArchitectureRules {

    private static final String SERVICES = "io.missive.(scheduler|spothit|aircall|gateway|tracker|console)";

    private static final String[] ADAPTERS = {"..kafka..", "..http..", "..jdbc..", "..config.."};

    @ArchTest
    public static final ArchRule domainIsFreeOfSpringKafkaJdbcAndJackson = noClasses()
            .that().resideInAPackage(SERVICES + "..")
            .and().resideOutsideOfPackages(ADAPTERS)
            .and().haveSimpleNameNotEndingWith("Application")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "jakarta.servlet..", "java.sql..",
                    "com.fasterxml.jackson..", "tools.jackson..")
            .because("the domain core stays plain Java; Spring, Kafka, JDBC and JSON live in the adapters (STYLE.md)");

    @ArchTest
    public static final ArchRule servicesShareOnlySchemas = classes()
            .that().resideInAPackage(SERVICES + "..")
            .should(useNoOtherMissiveModuleThanSchemas())
            .because("services share only the contracts in schemas (DESIGN.md); the testkit is for tests");

    @ArchTest
    public static final ArchRule capabilitiesFormNoCycle = slices()
            .matching(SERVICES + ".(*)..")
            .should().beFreeOfCycles()
            .because("a capability package depends on another, or is depended on, never both (STYLE.md)");

    private static ArchCondition<JavaClass> useNoOtherMissiveModuleThanSchemas() {
        return new ArchCondition<>("use no Missive module but their own service and schemas") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                var own = serviceRoot(item.getPackageName());
                for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                    var target = dependency.getTargetClass().getPackageName();
                    if (target.startsWith("io.missive.") && !isSchemas(target) && !serviceRoot(target).equals(own)) {
                        events.add(SimpleConditionEvent.violated(item, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** The schemas module: its Java packages and the classes generated from the Avro contracts. */
    private static boolean isSchemas(String packageName) {
        return packageName.startsWith("io.missive.schemas") || packageName.equals("io.missive.events");
    }

    /** {@code io.missive.scheduler.program.jdbc} → {@code io.missive.scheduler}. */
    private static String serviceRoot(String packageName) {
        var parts = packageName.split("\\.");
        return parts.length < 3 ? packageName : parts[0] + "." + parts[1] + "." + parts[2];
    }

    private MissiveArchitectureRules() {
    }
}
