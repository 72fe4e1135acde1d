package org.medicore.fhir.pact;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medicore.localstack.pact.CommittedPacts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a partner system (a hospital's or a lab's FHIR client, with the client-credentials token of
 * {@code medicore-partner}) asks of the FHIR API, and what it reads from the answers: a patient by
 * id, and that patient's laboratory Observations of one LOINC test with their UCUM quantity,
 * reference range and interpretation. No partner's code is MediCore's, so the partner's side is this test.
 */
@ExtendWith({CommittedPacts.class, PactConsumerTestExt.class})
@PactTestFor(providerName = PartnerPactTest.PROVIDER, pactVersion = PactSpecVersion.V4)
class PartnerPactTest {

    static final String PROVIDER = "fhir-api";
    static final String CONSUMER = "fhir-partner";
    static final String A_PATIENT_WITH_LAB_RESULTS = "a patient with laboratory results";

    private static final String PATIENT_ID = "5b0c6a0e-0d6f-4c55-9d1e-6f3e9c1a2b01";
    private static final String TOKEN = "Bearer partner-client-credentials-token";
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    @Pact(consumer = CONSUMER)
    V4Pact aPartnerReadsAPatientAndSearchesTheirLabResults(PactDslWithProvider builder) {
        return builder
                .given(A_PATIENT_WITH_LAB_RESULTS, Map.of("patientId", PATIENT_ID))
                .uponReceiving("a partner reads a patient")
                .method("GET").pathFromProviderState("/fhir/Patient/${patientId}", "/fhir/Patient/" + PATIENT_ID)
                .headers(Map.of("Accept", "application/fhir+json", "Authorization", TOKEN))
                .willRespondWith().status(200)
                .matchHeader("Content-Type", "application/fhir\\+json.*", "application/fhir+json")
                .body(aPatient())
                .given(A_PATIENT_WITH_LAB_RESULTS, Map.of("patientId", PATIENT_ID))
                .uponReceiving("a partner searches a patient's laboratory observations of one test")
                .method("GET").path("/fhir/Observation")
                .query("category=laboratory&code=http://loinc.org|718-7")
                .queryParameterFromProviderState("patient", "Patient/${patientId}", "Patient/" + PATIENT_ID)
                .headers(Map.of("Accept", "application/fhir+json", "Authorization", TOKEN))
                .willRespondWith().status(200)
                .matchHeader("Content-Type", "application/fhir\\+json.*", "application/fhir+json")
                .body(labResults())
                .toPact(V4Pact.class);
    }

    /** What the partner reads of a patient: MediCore's identifier, the name, the birth date. */
    private static PactDslJsonBody aPatient() {
        PactDslJsonBody patient = new PactDslJsonBody();
        patient.stringValue("resourceType", "Patient").valueFromProviderState("id", "${patientId}", PATIENT_ID);
        patient.minArrayLike("identifier", 1).stringValue("system", "urn:ietf:rfc:3986")
                .stringMatcher("value", "urn:uuid:.+", "urn:uuid:" + PATIENT_ID).closeObject().closeArray();
        patient.minArrayLike("name", 1).stringType("family", "Smith").closeObject().closeArray();
        patient.date("birthDate", "yyyy-MM-dd");
        return patient;
    }

    /** A searchset of laboratory Observations: LOINC code, UCUM quantity, reference range, interpretation. */
    private static PactDslJsonBody labResults() {
        PactDslJsonBody bundle = new PactDslJsonBody();
        bundle.stringValue("resourceType", "Bundle").stringValue("type", "searchset");
        PactDslJsonBody result = bundle.minArrayLike("entry", 1).object("resource");
        result.stringValue("resourceType", "Observation").stringType("id")
                .stringMatcher("status", "final|amended|corrected|preliminary", "final");
        result.object("code").minArrayLike("coding", 1).stringValue("system", "http://loinc.org").stringType("code", "718-7")
                .closeObject().closeArray().closeObject();
        result.object("subject").stringMatcher("reference", "Patient/.+", "Patient/" + PATIENT_ID).closeObject();
        result.object("valueQuantity").decimalType("value", 16.1).stringValue("system", "http://unitsofmeasure.org")
                .stringType("code", "g/dL").closeObject();
        PactDslJsonBody range = result.minArrayLike("referenceRange", 1);
        range.object("low").decimalType("value", 12.0).closeObject();
        range.object("high").decimalType("value", 15.5).closeObject();
        range.closeObject().closeArray();
        result.minArrayLike("interpretation", 1).minArrayLike("coding", 1)
                .stringValue("system", "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation")
                .stringMatcher("code", "N|L|H|LL|HH|A", "H").closeObject().closeArray().closeObject().closeArray();
        result.closeObject().closeObject().closeArray();
        return bundle;
    }

    @Test
    void a_partner_reads_a_patient_and_their_lab_results_with_codes_units_and_ranges(MockServer api) throws Exception {
        Patient patient = FHIR.newJsonParser().parseResource(Patient.class, get(api, "/fhir/Patient/" + PATIENT_ID));
        assertThat(patient.getNameFirstRep().getFamily()).isNotBlank();
        assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo("urn:uuid:" + PATIENT_ID);

        Bundle results = FHIR.newJsonParser().parseResource(Bundle.class,
                get(api, "/fhir/Observation?patient=Patient/" + PATIENT_ID + "&category=laboratory&code=http://loinc.org%7C718-7"));
        Observation result = (Observation) results.getEntryFirstRep().getResource();
        assertThat(result.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://loinc.org");
        assertThat(result.getValueQuantity().getSystem()).isEqualTo("http://unitsofmeasure.org");
        assertThat(result.getReferenceRangeFirstRep().getHigh().getValue()).isPositive();
        assertThat(result.getInterpretationFirstRep().getCodingFirstRep().getCode()).isNotBlank();
    }

    private static String get(MockServer api, String path) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.getUrl() + path))
                .header("Accept", "application/fhir+json").header("Authorization", TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer.body();
    }
}
