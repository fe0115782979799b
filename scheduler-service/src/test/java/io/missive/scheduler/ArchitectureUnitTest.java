package io.missive.scheduler;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.missive.testkit.arch.MissiveArchitectureRules;

@AnalyzeClasses(packages = "io.missive.scheduler", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureUnitTest {

    @ArchTest
    static final ArchTests missiveRules = ArchTests.in(MissiveArchitectureRules.class);

    /** Each capability (with its adapters) depends on others one way: publication on program, resolution on directory. */
    @ArchTest
    static final ArchRule capabilitiesAreFreeOfCycles = slices().matching("io.missive.scheduler.(*)..")
            .should().beFreeOfCycles();
}
