package org.medicore.appointment;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import org.medicore.support.architecture.HexagonRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The shared dependency rules, and the layers as this module names them (config, the wiring, is reached by nothing). */
@AnalyzeClasses(packages = "org.medicore.appointment", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests hexagon = ArchTests.in(HexagonRules.class);

    @ArchTest
    static final ArchRule config_is_reached_by_nothing = noClasses()
            .that().resideInAnyPackage("..domain..", "..application..", "..adapter..")
            .should().dependOnClassesThat().resideInAPackage("..config..");
}
