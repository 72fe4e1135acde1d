package org.medicore.analytics;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

@AnalyzeClasses(packages = "org.medicore.analytics", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule dependencies_point_inward = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("domain").definedBy("..analytics.domain..")
            .layer("application").definedBy("..analytics.application..")
            .layer("adapters").definedBy("..analytics.adapter..")
            .layer("config").definedBy("..analytics.config..")
            .whereLayer("config").mayNotBeAccessedByAnyLayer()
            .whereLayer("adapters").mayOnlyBeAccessedByLayers("config")
            .whereLayer("application").mayOnlyBeAccessedByLayers("adapters", "config")
            .whereLayer("domain").mayOnlyBeAccessedByLayers("application", "adapters", "config");

    @ArchTest
    static final ArchRule domain_and_application_are_plain_java = noClasses()
            .that().resideInAnyPackage("..analytics.domain..", "..analytics.application..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                    "com.google.protobuf..", "org.medicore.contracts..", "tools.jackson..", "com.fasterxml..");
}
