package io.missive.scheduler;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.missive.testkit.arch.MissiveArchitectureRules;

/** The shared rules; among them, capabilities depend on each other one way (publication on program, resolution on directory). */
@AnalyzeClasses(packages = "io.missive.scheduler", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureUnitTest {

    @ArchTest
    static final ArchTests missiveRules = ArchTests.in(MissiveArchitectureRules.class);
}
