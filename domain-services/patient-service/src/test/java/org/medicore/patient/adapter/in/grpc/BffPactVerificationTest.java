package org.medicore.patient.adapter.in.grpc;

import au.com.dius.pact.core.model.v4.MessageContents;
import au.com.dius.pact.provider.MessageAndMetadata;
import au.com.dius.pact.provider.PactVerifyProvider;
import au.com.dius.pact.provider.junitsupport.Consumer;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import org.junit.jupiter.api.BeforeEach;
import org.medicore.contracts.patient.v1.PatientServiceGrpc;
import org.medicore.localstack.pact.GrpcProviderCalls;
import org.medicore.localstack.pact.VerifiesPacts;
import org.medicore.patient.application.port.in.AddHistoryEntry;
import org.medicore.patient.application.port.in.AddHistoryEntryCommand;
import org.medicore.patient.application.port.in.RegisterPatient;
import org.medicore.patient.domain.Caller;
import org.medicore.patient.domain.Patient;
import org.medicore.patient.domain.Role;
import org.medicore.support.port.Outcome;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.medicore.patient.ClinicalFixtures.aNote;
import static org.medicore.patient.PatientFixtures.aPatient;

/**
 * The BFF's pact with patient-service, verified against the real endpoint on the real DynamoDB:
 * each provider state registers its patient through the service's own use cases.
 */
@Provider("patient-service")
@Consumer("bff-graphql")
@PactFolder("${medicore.pacts}")
class BffPactVerificationTest extends EndpointOverRealChannelTest implements VerifiesPacts {

    private static final Caller CLINIC = new Caller("pact-clinic", Set.of(Role.ADMIN));

    @Autowired
    private RegisterPatient registration;
    @Autowired
    private AddHistoryEntry history;
    private GrpcProviderCalls calls;

    @BeforeEach
    void prepareCalls() {
        calls = new GrpcProviderCalls(client.anonymous().getChannel(), PatientServiceGrpc.getServiceDescriptor());
    }

    @State("a registered patient")
    Map<String, Object> aRegisteredPatient() {
        Patient patient = registered();
        return Map.of("patientId", patient.id().value(), "familyName", patient.demographics().name().family(),
                "version", String.valueOf(patient.version()));
    }

    @State("a registered patient with a note in the history")
    Map<String, Object> aPatientWithANote() {
        Patient patient = registered();
        history.add(CLINIC, new AddHistoryEntryCommand(patient.id(), aNote("feels better"), Optional.empty()));
        return Map.of("patientId", patient.id().value());
    }

    @State("no patient is linked to the new account")
    Map<String, Object> aNewAccount() {
        return Map.of("subject", UUID.randomUUID().toString());
    }

    @PactVerifyProvider("RegisterPatient")
    MessageAndMetadata registerPatient(MessageContents request) {
        return answer(request);
    }

    @PactVerifyProvider("GetPatient")
    MessageAndMetadata getPatient(MessageContents request) {
        return answer(request);
    }

    @PactVerifyProvider("BatchGetPatients")
    MessageAndMetadata batchGetPatients(MessageContents request) {
        return answer(request);
    }

    @PactVerifyProvider("SearchPatients")
    MessageAndMetadata searchPatients(MessageContents request) {
        return answer(request);
    }

    @PactVerifyProvider("UpdateDemographics")
    MessageAndMetadata updateDemographics(MessageContents request) {
        return answer(request);
    }

    @PactVerifyProvider("AddHistoryEntry")
    MessageAndMetadata addHistoryEntry(MessageContents request) {
        return answer(request);
    }

    @PactVerifyProvider("ListHistory")
    MessageAndMetadata listHistory(MessageContents request) {
        return answer(request);
    }

    private MessageAndMetadata answer(MessageContents request) {
        return calls.answer(request, "pact-doctor");
    }

    private Patient registered() {
        var result = registration.register(CLINIC, aPatient().named("Anna", uniqueFamilyName("Schmidt")).speaking("de")
                .registration());
        return ((Outcome.Done<Patient>) result).value();
    }
}
