package org.medicore.billing;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "org.medicore.billing", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRuleTest {

    @ArchTest
    static final ArchRule the_domain_depends_on_nothing_but_java = classes()
            .that().resideInAPackage("..billing.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("..billing.domain..", "java..");

    @ArchTest
    static final ArchRule the_application_knows_only_the_domain_and_java = classes()
            .that().resideInAPackage("..billing.application..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("..billing.domain..", "..billing.application..", "java..", "org.medicore.support.port..");

    @ArchTest
    static final ArchRule nothing_inside_depends_on_adapters_or_wiring = noClasses()
            .that().resideInAnyPackage("..billing.domain..", "..billing.application..")
            .should().dependOnClassesThat().resideInAnyPackage("..billing.adapter..", "..billing.config..");

    @ArchTest
    static final ArchRule adapters_do_not_call_each_other = noClasses()
            .that().resideInAPackage("..billing.adapter.in..")
            .should().dependOnClassesThat().resideInAPackage("..billing.adapter.out..");

    @ArchTest
    static final ArchRule generated_jooq_code_stays_in_the_jooq_adapter = noClasses()
            .that().resideOutsideOfPackage("..billing.adapter.out.jooq..")
            .should().dependOnClassesThat().resideInAPackage("..adapter.out.jooq.generated..");

    @ArchTest
    static final ArchRule adapter_classes_are_package_private_except_their_configuration = classes()
            .that().resideInAPackage("..billing.adapter..").and().resideOutsideOfPackage("..generated..")
            .and().areTopLevelClasses().and().areNotAnnotatedWith(org.springframework.context.annotation.Configuration.class)
            .and().doNotHaveSimpleName("DeadLetterReplay")
            .should().notBePublic();

    @ArchTest
    static final ArchRule ports_are_interfaces_or_values = classes()
            .that().resideInAPackage("..application.port..").and().areTopLevelClasses().and().areNotRecords()
            .should().beInterfaces();
}
