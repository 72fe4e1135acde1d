package org.medicore.notification;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "org.medicore.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRuleTest {

    @ArchTest
    static final ArchRule the_domain_depends_on_nothing_but_java = classes()
            .that().resideInAPackage("..notification.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("..notification.domain..", "java..");

    @ArchTest
    static final ArchRule the_application_knows_only_the_domain_and_java = classes()
            .that().resideInAPackage("..notification.application..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("..notification.domain..", "..notification.application..", "java..", "org.medicore.support.port..");

    @ArchTest
    static final ArchRule adapters_do_not_call_each_other = noClasses()
            .that().resideInAPackage("..notification.adapter.in..")
            .should().dependOnClassesThat().resideInAPackage("..notification.adapter.out..");

    @ArchTest
    static final ArchRule generated_jooq_code_stays_in_the_jooq_adapter = noClasses()
            .that().resideOutsideOfPackage("..notification.adapter.out.jooq..")
            .should().dependOnClassesThat().resideInAPackage("..adapter.out.jooq.generated..");

    @ArchTest
    static final ArchRule adapter_classes_are_package_private_except_their_configuration = classes()
            .that().resideInAPackage("..notification.adapter..").and().resideOutsideOfPackage("..generated..")
            .and().areTopLevelClasses()
            .and().areNotAnnotatedWith(org.springframework.context.annotation.Configuration.class)
            .should().notBePublic();

    @ArchTest
    static final ArchRule ports_are_interfaces_or_values = classes()
            .that().resideInAPackage("..application.port..").and().areTopLevelClasses().and().areNotRecords()
            .should().beInterfaces();
}
