package org.medicore.fhir.pact;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Consumer;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import org.apache.hc.core5.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medicore.fhir.support.Clinic;
import org.medicore.fhir.support.WholeApiTest;

import java.util.Map;

/**
 * The partner's pact, verified over HTTP against the whole API ({@link WholeApiTest}), each request
 * with a real client-credentials token of {@code medicore-partner} from the realm's Keycloak in place
 * of the pact's example. The services' answers are records on file: their own pacts with the BFF
 * hold them to their gRPC contracts.
 */
@Provider(PartnerPactTest.PROVIDER)
@Consumer(PartnerPactTest.CONSUMER)
@PactFolder("${medicore.pacts}")
class PartnerPactVerificationTest extends WholeApiTest {

    @BeforeEach
    void sendToTheApi(PactVerificationContext context) {
        context.setTarget(new HttpTestTarget("127.0.0.1", port));
    }

    @TestTemplate
    @ExtendWith(PactVerificationInvocationContextProvider.class)
    void honoursEachInteraction(PactVerificationContext context, HttpRequest request) {
        request.setHeader("Authorization", "Bearer " + KEYCLOAK.partnerAccessToken());
        context.verifyInteraction();
    }

    @State(PartnerPactTest.A_PATIENT_WITH_LAB_RESULTS)
    Map<String, Object> aPatientWithLabResults() {
        return Map.of("patientId", Clinic.ALICE);
    }
}
