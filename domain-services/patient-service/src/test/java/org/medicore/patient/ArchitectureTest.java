package org.medicore.patient;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

@AnalyzeClasses(packages = "org.medicore.patient", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule dependencies_point_inward = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("domain").definedBy("..patient.domain..")
            .layer("application").definedBy("..patient.application..")
            .layer("adapters").definedBy("..patient.adapter..")
            .layer("config").definedBy("..patient.config..")
            .whereLayer("adapters").mayOnlyBeAccessedByLayers("config")
            .whereLayer("application").mayOnlyBeAccessedByLayers("adapters", "config")
            .whereLayer("domain").mayOnlyBeAccessedByLayers("application", "adapters", "config");

    @ArchTest
    static final ArchRule domain_and_application_know_no_framework_storage_or_wire_format = noClasses()
            .that().resideInAnyPackage("..patient.domain..", "..patient.application..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "software.amazon..", "com.google.protobuf..", "io.grpc..",
                    "org.medicore.contracts..", "org.apache.kafka..", "jakarta..");

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_each_other = noClasses()
            .that().resideInAPackage("..adapter.in..")
            .should().dependOnClassesThat().resideInAPackage("..adapter.out..");

    @ArchTest
    static final ArchRule adapter_implementations_are_package_private = classes()
            .that().resideInAPackage("..patient.adapter..").and().areNotAnnotatedWith(org.springframework.context.annotation.Configuration.class)
            .and().areTopLevelClasses()
            .should().notBePublic();

    @ArchTest
    static final ArchRule outgoing_ports_are_named_for_the_need_not_the_technology = classes()
            .that().resideInAPackage("..application.port..")
            .should().haveSimpleNameNotContaining("DynamoDb").andShould().haveSimpleNameNotContaining("Kafka")
            .andShould().haveSimpleNameNotContaining("Grpc");
}
