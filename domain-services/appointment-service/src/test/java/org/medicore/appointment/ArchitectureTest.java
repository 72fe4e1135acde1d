package org.medicore.appointment;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

@AnalyzeClasses(packages = "org.medicore.appointment", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule dependencies_point_inward = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("domain").definedBy("..appointment.domain..")
            .layer("application").definedBy("..appointment.application..")
            .layer("adapters").definedBy("..appointment.adapter..")
            .layer("config").definedBy("..appointment.config..")
            .whereLayer("config").mayNotBeAccessedByAnyLayer()
            .whereLayer("adapters").mayOnlyBeAccessedByLayers("config")
            .whereLayer("application").mayOnlyBeAccessedByLayers("adapters", "config")
            .whereLayer("domain").mayOnlyBeAccessedByLayers("application", "adapters", "config");

    @ArchTest
    static final ArchRule no_framework_proto_or_jooq_in_the_core = noClasses()
            .that().resideInAnyPackage("..appointment.domain..", "..appointment.application..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.jooq..", "com.google.protobuf..",
                    "io.grpc..", "org.medicore.contracts..", "org.apache.kafka..", "jakarta.persistence..");

    @ArchTest
    static final ArchRule adapters_do_not_know_each_other = noClasses()
            .that().resideInAPackage("..adapter.in..")
            .should().dependOnClassesThat().resideInAPackage("..adapter.out..");

    @ArchTest
    static final ArchRule generated_jooq_stays_in_the_jooq_adapter = noClasses()
            .that().resideOutsideOfPackage("..adapter.out.jooq..")
            .should().dependOnClassesThat().resideInAPackage("..adapter.out.jooq.generated..");

    @ArchTest
    static final ArchRule outgoing_ports_are_interfaces_or_values = classes()
            .that().resideInAPackage("..application.port..").and().areTopLevelClasses()
            .should().beInterfaces().orShould().beRecords();
}
