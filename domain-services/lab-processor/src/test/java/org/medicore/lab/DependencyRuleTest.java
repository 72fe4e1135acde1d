package org.medicore.lab;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "org.medicore.lab", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRuleTest {

    @ArchTest
    static final ArchRule the_domain_depends_on_nothing_but_java = classes()
            .that().resideInAPackage("..lab.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("..lab.domain..", "java..");

    @ArchTest
    static final ArchRule the_application_knows_only_the_domain_and_java = classes()
            .that().resideInAPackage("..lab.application..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("..lab.domain..", "..lab.application..", "java..", "org.medicore.support.port..");

    @ArchTest
    static final ArchRule driving_adapters_do_not_call_driven_ones = noClasses()
            .that().resideInAPackage("..lab.adapter.in..")
            .should().dependOnClassesThat().resideInAPackage("..lab.adapter.out..");

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

    @ArchTest
    static final ArchRule ports_are_interfaces_or_values = classes()
            .that().resideInAPackage("..application.port..").and().areTopLevelClasses().and().areNotRecords()
            .should().beInterfaces();
}
