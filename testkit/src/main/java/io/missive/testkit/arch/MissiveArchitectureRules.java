package io.missive.testkit.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture every service inherits (include with {@code ArchTests.in(MissiveArchitectureRules.class)}):
 * <ul>
 *   <li>the domain core is plain Java: only the adapter packages ({@code ..kafka..}, {@code ..http..},
 *       {@code ..jdbc..}, {@code ..config..}) and the application class touch Spring or Kafka;</li>
 *   <li>no service depends on another service: they share only {@code schemas}.</li>
 * </ul>
 */
public final class MissiveArchitectureRules {

    private static final String[] ADAPTERS = {"..kafka..", "..http..", "..jdbc..", "..config.."};

    @ArchTest
    public static final ArchRule domainIsFreeOfSpringAndKafka = noClasses()
            .that().resideInAPackage("io.missive.(scheduler|spothit|aircall|gateway|tracker)..")
            .and().resideOutsideOfPackages(ADAPTERS)
            .and().haveSimpleNameNotEndingWith("Application")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "jakarta.servlet..")
            .because("the domain core stays plain Java; Spring and Kafka live in the adapters (STYLE.md)");

    @ArchTest
    public static final ArchRule servicesDoNotDependOnEachOther = slices()
            .matching("io.missive.(scheduler|spothit|aircall|gateway|tracker)..")
            .should().notDependOnEachOther()
            .because("services share only the contracts in schemas (DESIGN.md)");

    private MissiveArchitectureRules() {
    }
}
