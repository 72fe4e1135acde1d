package org.medicore.fhir.support;

import org.medicore.fhir.FhirApiApplication;
import org.medicore.localstack.AuditDatabase;
import org.medicore.localstack.KeycloakServer;
import org.medicore.localstack.TestStack;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole API on a free port (security chain, audit, mapping, JSON) checking the real tokens of the
 * realm's Keycloak and writing the real audit trail, with the services' answers the module's
 * records on file ({@link RecordsOnFile}, Alice's record) as in {@code FhirApiTest}.
 */
@SpringBootTest(classes = {FhirApiApplication.class, WholeApiTest.Services.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class WholeApiTest {

    protected static final KeycloakServer KEYCLOAK = TestStack.keycloak();
    /** The realm's demo login {@code patient}: Alice's record is theirs here, as a patient's app reads its own. */
    private static final String DEMO_PATIENT_SUBJECT = "7a1c5b9e-3f0a-4d6b-9a51-0c3e7c1f2a01";

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void theRealmAndTheAuditTrail(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", KEYCLOAK::issuer);
        AuditDatabase.writerProperties(TestStack.postgres()).forEach((key, value) -> registry.add(key, () -> value));
        registry.add("spring.datasource.url", () -> TestStack.postgres().jdbcUrl(AuditDatabase.NAME));
    }

    @TestConfiguration
    static class Services {
        @Bean
        @Primary
        RecordsOnFile records() {
            return new RecordsOnFile().withAlicesRecord().with(Clinic.alice().setKeycloakSubject(DEMO_PATIENT_SUBJECT).build());
        }
    }
}
