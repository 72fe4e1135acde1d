package org.medicore.fhir;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module's shape: the FHIR mapping ({@code resource}) and the port ({@code records}) know
 * neither HTTP, Spring nor gRPC transport; the HTTP layer ({@code web}) reaches the services only
 * through the port, never through the gRPC adapter. The bulk export ({@code export}) runs on the
 * port and its own file port, knowing neither Spring, HTTP nor S3; so does the import ({@code intake}), on the port alone.
 */
@AnalyzeClasses(packages = "org.medicore.fhir", importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class DependencyRuleTest {

    @ArchTest
    static final ArchRule mapping_is_plain = noClasses().that().resideInAnyPackage("..fhir.resource..", "..fhir.records..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.grpc..", "..fhir.web..", "..fhir.grpc..");

    @ArchTest
    static final ArchRule export_is_plain = noClasses().that().resideInAPackage("..fhir.export..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "software.amazon..", "..fhir.web..",
                    "..fhir.grpc..", "..fhir.s3..");

    @ArchTest
    static final ArchRule intake_is_plain = noClasses().that().resideInAPackage("..fhir.intake..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "software.amazon..", "..fhir.web..",
                    "..fhir.grpc..", "..fhir.s3..", "..fhir.export..");

    @ArchTest
    static final ArchRule http_reaches_the_services_through_the_port = noClasses().that().resideInAPackage("..fhir.web..")
            .should().dependOnClassesThat().resideInAPackage("..fhir.grpc..");
}
