package org.medicore.patient;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import org.medicore.support.architecture.HexagonRules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** The shared dependency rules; here also package-private adapters and ports named for the need. */
@AnalyzeClasses(packages = "org.medicore.patient", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests hexagon = ArchTests.in(HexagonRules.class);

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
