package io.missive.console;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.missive.testkit.arch.MissiveArchitectureRules;

@AnalyzeClasses(packages = "io.missive.console", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureUnitTest {

    @ArchTest
    static final ArchTests missiveRules = ArchTests.in(MissiveArchitectureRules.class);
}
