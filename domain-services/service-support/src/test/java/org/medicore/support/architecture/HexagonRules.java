package org.medicore.support.architecture;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The dependency rules of every MediCore module, in one place (service-support's test-jar). A
 * module applies them to its own classes:
 * <pre>
 * &#64;AnalyzeClasses(packages = "org.medicore.billing", importOptions = ImportOption.DoNotIncludeTests.class)
 * class DependencyRuleTest {
 *     &#64;ArchTest
 *     static final ArchTests hexagon = ArchTests.in(HexagonRules.class);
 * }
 * </pre>
 * The packages are those of ARCHITECTURE.md ({@code domain}, {@code application} with
 * {@code port}, {@code adapter.in}, {@code adapter.out}, {@code config}); a module without one of
 * them (the BFF has no hexagon) meets the rules about it trivially. A module adds its own rules
 * beside these (which adapters may be public, how its layers are named), never a changed copy.
 */
public final class HexagonRules {

    private HexagonRules() {
    }

    @ArchTest
    static final ArchRule dependencies_point_inward = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("domain").definedBy("..domain..")
            .layer("application").definedBy("..application..")
            .layer("adapters").definedBy("..adapter..")
            .layer("config").definedBy("..config..")
            .whereLayer("adapters").mayOnlyBeAccessedByLayers("config")
            .whereLayer("application").mayOnlyBeAccessedByLayers("adapters", "config")
            .whereLayer("domain").mayOnlyBeAccessedByLayers("application", "adapters", "config")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule the_domain_depends_on_nothing_but_java = classes()
            .that().resideInAPackage("..domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("..domain..", "java..")
            .allowEmptyShould(true);

    /** {@code org.medicore.support.port} holds the plain-Java ports the services share (transactions, outbox messages). */
    @ArchTest
    static final ArchRule the_application_knows_only_the_domain_the_shared_ports_and_java = classes()
            .that().resideInAPackage("..application..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("..domain..", "..application..", "org.medicore.support.port..", "java..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule the_shared_ports_are_plain_java = classes()
            .that().resideInAPackage("org.medicore.support.port..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.medicore.support.port..", "java..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule nothing_inside_depends_on_adapters_or_wiring = noClasses()
            .that().resideInAnyPackage("..domain..", "..application..")
            .should().dependOnClassesThat().resideInAnyPackage("..adapter..", "..config..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule driving_adapters_do_not_call_driven_ones = noClasses()
            .that().resideInAPackage("..adapter.in..")
            .should().dependOnClassesThat().resideInAPackage("..adapter.out..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule generated_jooq_code_stays_in_the_jooq_adapter = noClasses()
            .that().resideOutsideOfPackage("..adapter.out.jooq..")
            .should().dependOnClassesThat().resideInAPackage("..adapter.out.jooq.generated..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule ports_are_interfaces_or_values = classes()
            .that().resideInAPackage("..application.port..").and().areTopLevelClasses()
            .and().areNotRecords().and().areNotEnums()
            .should().beInterfaces()
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule wiring_is_by_constructor = NO_CLASSES_SHOULD_USE_FIELD_INJECTION.allowEmptyShould(true);

    @ArchTest
    static final ArchRule logging_is_slf4j = NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.allowEmptyShould(true);
}
