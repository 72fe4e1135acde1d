package org.medicore.bff;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import org.medicore.support.architecture.HexagonRules;

/**
 * The shared dependency rules. The BFF has no hexagon of its own (resolvers over the services' gRPC),
 * so of them it meets the general ones: constructor wiring, SLF4J logging, and no domain or
 * application package that breaks the rules should one appear.
 */
@AnalyzeClasses(packages = "org.medicore.bff", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRuleTest {

    @ArchTest
    static final ArchTests hexagon = ArchTests.in(HexagonRules.class);
}
