package org.medicore.billing;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import org.medicore.support.architecture.HexagonRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** The shared dependency rules, and which of this module's adapter classes may be public. */
@AnalyzeClasses(packages = "org.medicore.billing", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRuleTest {

    @ArchTest
    static final ArchTests hexagon = ArchTests.in(HexagonRules.class);

    @ArchTest
    static final ArchRule adapter_classes_are_package_private_except_their_configuration = classes()
            .that().resideInAPackage("..billing.adapter..").and().resideOutsideOfPackage("..generated..")
            .and().areTopLevelClasses().and().areNotAnnotatedWith(org.springframework.context.annotation.Configuration.class)
            .should().notBePublic();
}
