package org.medicore.lab;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import org.medicore.support.architecture.HexagonRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** The shared dependency rules; here also driven adapters stay apart, and only wiring, shared mapping and the Lambda entry are public. */
@AnalyzeClasses(packages = "org.medicore.lab", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRuleTest {

    @ArchTest
    static final ArchTests hexagon = ArchTests.in(HexagonRules.class);

    @ArchTest
    static final ArchRule driven_adapters_do_not_call_each_other = classes()
            .that().resideInAPackage("..lab.adapter.out.(*)..")
            .should().onlyDependOnClassesThat().resideOutsideOfPackages("..lab.adapter.in..", "..lab.config..");

    @ArchTest
    static final ArchRule adapter_classes_are_package_private_except_wiring_shared_mapping_and_the_lambda_entry = classes()
            .that().resideInAPackage("..lab.adapter..").and().areTopLevelClasses()
            .and().areNotAnnotatedWith(org.springframework.context.annotation.Configuration.class)
            .and().resideOutsideOfPackage("..lab.adapter.proto..")
            .and().doNotHaveSimpleName("LabReportUploadedHandler")
            .should().notBePublic();
}
